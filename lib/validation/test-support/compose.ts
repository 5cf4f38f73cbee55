import { composePostSchema } from "../post";
import type { ComposeContext } from "../post-rules";

/** Inputs shared by the composer schema's tests: ids in the shapes the schema checks. */
export const ws = "7b0b7a9e-0c1e-4b5e-9a55-3f3b7f0f2a11";
export const profile = "prof_acme_tiktok";
export const uuid = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`;
export const video = { id: uuid(900), kind: "video" as const };
export const images = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ id: uuid(i + 1), kind: "image" as const }));
export const now = new Date("2026-11-25T12:00:00Z");
export const audited: ComposeContext = { auditStatus: "audited", now: () => now };

/** The schema's messages by field path ("" when none). */
export function errorsOf(input: unknown, context: ComposeContext = audited) {
  const result = composePostSchema(context).safeParse(input);
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
}
