import { z } from "zod";
import { idSchema } from "./workspace";

/** A Postproxy id as the client sends it back (opaque; bounded so a forged one stays small). */
const postproxyIdSchema = z
  .string({ error: "Choose a profile group." })
  .trim()
  .min(1, { error: "Choose a profile group." })
  .max(200, { error: "Invalid id." });

export const startConnectionSchema = z.object({
  workspaceId: idSchema,
  groupId: postproxyIdSchema,
});
export type StartConnectionInput = z.infer<typeof startConnectionSchema>;

/** What Postproxy's redirect brought back; nothing in it is trusted until checked. */
export const completeConnectionSchema = z.object({
  workspaceId: idSchema,
  state: z.string().min(20).max(200),
  profileId: z.string().max(200).optional(),
  error: z.string().max(200).optional(),
});
export type CompleteConnectionInput = z.infer<typeof completeConnectionSchema>;

export const connectOutcomes = ["connected", "denied", "invalid", "unverified"] as const;
export type ConnectOutcome = (typeof connectOutcomes)[number];

/** The message the Profiles page shows for `?connect=<outcome>`. */
export function connectOutcomeText(
  value: string | string[] | undefined,
): { tone: "success" | "warning" | "error"; text: string } | null {
  const outcome = Array.isArray(value) ? value[0] : value;
  switch (outcome) {
    case "connected":
      return {
        tone: "success",
        text: "TikTok account connected. It is listed below and can be chosen in the composer.",
      };
    case "denied":
      return {
        tone: "warning",
        text: "The TikTok account was not connected: consent was denied on the TikTok page. Nothing changed.",
      };
    case "invalid":
      return {
        tone: "error",
        text: "This connection link was already used, has expired, or was started by someone else. Start again with Connect TikTok.",
      };
    case "unverified":
      return {
        tone: "error",
        text: "Postproxy does not show a newly connected TikTok account in this group, so nothing was added. Try Connect TikTok again.",
      };
    default:
      return null;
  }
}
