import { z } from "zod";
import type { TikTokSettings } from "@/lib/tiktok/params";
import { draftSchema } from "./post";
import type { TargetStatus } from "./post-view";
import { idSchema } from "./workspace";

export {
  editLockMarginMs,
  isInsideEditLock,
  manageTexts,
  postproxyEditLockMs,
  type EditField,
} from "./edit-lock";

/**
 * Edit mode: the composer's fields (checked again with composePostSchema on the server), the post,
 * and the version the form was opened at.
 */
export const editPostSchema = draftSchema.extend({
  postId: idSchema,
  version: z.coerce.number({ error: "Reload the post and edit again." }).int().min(0),
});
export type EditPostInput = z.output<typeof editPostSchema>;

/** Cancel: the profiles' targets to cancel; absent means every profile still scheduled. */
export const cancelPostSchema = z.object({
  workspaceId: idSchema,
  postId: idSchema,
  targetIds: z.array(idSchema).min(1).max(50).optional(),
});
export type CancelPostInput = z.infer<typeof cancelPostSchema>;

export type TimelineSource = "user" | "submit" | "webhook" | "sync" | "system";

export type PostEventView = {
  id: string;
  kind: string;
  targetId: string | null;
  profileName: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  source: TimelineSource;
  actorName: string | null;
  detail: Record<string, unknown>;
  createdAt: string;
};

/** One profile's copy as Postproxy last accepted it (after an edit they can differ). */
export type ManagedTargetView = {
  id: string;
  profileName: string;
  status: TargetStatus;
  caption: string | null;
  scheduledAt: string | null;
  settings: TikTokSettings | null;
  /** Scheduled on Postproxy and outside the edit lock: edit and cancel are possible. */
  isEditable: boolean;
  /** Why it cannot be edited or cancelled now, in plain words; null when it can. */
  lockReason: string | null;
};

export type PostManageView = {
  postId: string;
  version: number;
  targets: ManagedTargetView[];
  /** Oldest first. */
  events: PostEventView[];
};
