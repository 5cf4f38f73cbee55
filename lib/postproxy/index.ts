import "server-only";
// Export lists only: the client's public face, named one by one so nothing leaks by `export *`.
export { createPostproxyClient, postproxyBaseUrl } from "./client";
export type { PostproxyClient, PostproxyClientOptions } from "./client";
export type { CallOptions, WriteOptions } from "./http";
export {
  PostproxyError,
  isPostproxyError,
  postproxyErrorKinds,
  toAppError,
  withAppErrors,
} from "./errors";
export type { PostproxyErrorKind } from "./errors";
export { MultipartFileError } from "./multipart";
export type { MediaFileRef } from "./multipart";
export type {
  CreateMultipartPostInput,
  CreatePostInput,
  PlatformParams,
  QueuePriority,
  TikTokParams,
  UpdatePostInput,
} from "./post-input";
export type { InitializeConnectionInput } from "./resources/profile-groups";
export type { ProfileStatsQuery } from "./resources/profiles";
export { maxPostIdsPerStatsRequest } from "./resources/posts";
export type { ListPostsQuery, PostStatsQuery } from "./resources/posts";
export type { CreateWebhookInput, UpdateWebhookInput } from "./resources/webhooks";
export * from "./schemas";
export {
  WebhookEventError,
  knownWebhookEventTypes,
  parseWebhookEvent,
  verifyWebhookSignature,
  webhookSignatureHeader,
} from "./webhooks";
export type {
  KnownWebhookEventType,
  SignatureCheck,
  VerifyOptions,
  WebhookEvent,
} from "./webhooks";
