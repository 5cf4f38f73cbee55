import { z } from "zod";
import { idSchema } from "./workspace";
import { isValidTimeZone } from "./timezone-name";

/**
 * A calendar move: the post, the version the calendar showed (a stale view gets `conflict`), and
 * the new wall-clock time in a named zone (the calendar's for a slot, the post's own for a day).
 */
export const reschedulePostSchema = z.object({
  workspaceId: idSchema,
  postId: idSchema,
  version: z.coerce.number().int().min(0),
  at: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Enter the date and time as YYYY-MM-DD HH:MM."),
  timeZone: z.string().refine(isValidTimeZone, "Choose a timezone from the list."),
});
export type ReschedulePostInput = z.infer<typeof reschedulePostSchema>;

export type RescheduleOutcome = {
  targetId: string;
  profileName: string;
  accepted: boolean;
  message: string | null;
  scheduledAt: string | null;
};

export type RescheduleResult = {
  version: number;
  scheduledAt: string;
  /** Said when the time was ambiguous (the first occurrence was taken). */
  note: string | null;
  /** The 15-posts-per-24-hours warnings for the new time, one per profile. */
  warnings: string[];
  outcomes: RescheduleOutcome[];
};
