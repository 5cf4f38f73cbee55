import { z } from "zod";
import { auditStatuses, inviteRoles, workspaceRoles } from "@/lib/validation/enums";
import { text } from "./text";
import { isValidTimeZone } from "./timezone-name";

export const idSchema = z.uuid({ error: "Invalid id." });

export const workspaceNameSchema = text({ error: "Enter a workspace name." })
  .trim()
  .min(1, "Enter a workspace name.")
  .max(80, "Use at most 80 characters.");

export const workspaceSettingsSchema = z.object({
  workspaceId: idSchema,
  name: workspaceNameSchema,
  timezone: text({ error: "Choose a timezone." })
    .trim()
    .refine(isValidTimeZone, "Choose a timezone from the list (an IANA name like Europe/Paris)."),
  tiktokAuditStatus: z.enum(auditStatuses, {
    error: "Choose audited, unaudited or unknown.",
  }),
});
export type WorkspaceSettingsInput = z.infer<typeof workspaceSettingsSchema>;

export const apiKeySchema = z.object({
  workspaceId: idSchema,
  apiKey: text({ error: "Paste your Postproxy API key." })
    .trim()
    .min(1, { error: "Paste your Postproxy API key.", abort: true })
    .min(8, { error: "That is too short to be a Postproxy API key.", abort: true })
    .max(255, "That is too long to be a Postproxy API key.")
    .regex(/^\S+$/, "An API key has no spaces in it."),
});
export type ApiKeyInput = z.infer<typeof apiKeySchema>;

export const workspaceOnlySchema = z.object({ workspaceId: idSchema });

export const createWorkspaceSchema = z.object({ name: workspaceNameSchema });

export const createInviteSchema = z.object({
  workspaceId: idSchema,
  role: z.enum(inviteRoles, { error: "Choose editor or viewer." }),
});

export const revokeInviteSchema = z.object({ workspaceId: idSchema, inviteId: idSchema });

export const changeRoleSchema = z.object({
  workspaceId: idSchema,
  membershipId: idSchema,
  role: z.enum(workspaceRoles, { error: "Choose owner, editor or viewer." }),
});

export const removeMemberSchema = z.object({ workspaceId: idSchema, membershipId: idSchema });

export const acceptInviteSchema = z.object({
  token: text().trim().min(1, "This invite link is not valid.").max(200),
});
