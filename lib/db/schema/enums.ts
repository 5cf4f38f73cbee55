import { pgEnum, timestamp } from "drizzle-orm/pg-core";
import { auditStatuses, inviteRoles, postModes, workspaceRoles } from "@/lib/validation/enums";
import { mediaKinds, mediaStatuses, mediaUsageStatuses } from "@/lib/validation/media";
import { localPostStatuses, targetErrorKinds, targetStatuses } from "@/lib/validation/post-view";

export const workspaceRoleEnum = pgEnum("workspace_role", workspaceRoles);
export const inviteRoleEnum = pgEnum("invite_role", inviteRoles);
export const auditStatusEnum = pgEnum("tiktok_audit_status", auditStatuses);
export const mediaKindEnum = pgEnum("media_kind", mediaKinds);
export const mediaStatusEnum = pgEnum("media_status", mediaStatuses);
export const mediaUsageStatusEnum = pgEnum("media_usage_status", mediaUsageStatuses);
export const postStatusEnum = pgEnum("post_status", localPostStatuses);
export const postModeEnum = pgEnum("post_mode", postModes);
export const postFormatEnum = pgEnum("post_format", ["video", "image"]);
export const targetStatusEnum = pgEnum("post_target_status", targetStatuses);
export const targetErrorKindEnum = pgEnum("post_target_error_kind", targetErrorKinds);

export const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
