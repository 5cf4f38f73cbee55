import { z } from "zod";
import {
  calendarMaxRangeDays,
  calendarStatuses,
  calendarTexts,
  type CalendarQuery,
} from "./calendar";

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;
const day = z.string().refine((value) => {
  if (!dayPattern.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}, calendarTexts.day);

const list = (value: unknown) =>
  typeof value === "string" ? value.split(",").filter(Boolean) : (value ?? []);

export const calendarQuerySchema = z
  .object({
    /** First day shown and the day after the last, in the workspace's timezone. */
    from: day,
    to: day,
    profiles: z.preprocess(
      list,
      z.array(z.string().min(1).max(200)).max(50, calendarTexts.profile),
    ),
    statuses: z.preprocess(list, z.array(z.enum(calendarStatuses, calendarTexts.status)).max(20)),
  })
  .refine(
    (q) => {
      const span = (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000;
      return span > 0 && span <= calendarMaxRangeDays;
    },
    { message: calendarTexts.range, path: ["to"] },
  );

/** Reads URL search params (or the route's) into a query, with field messages. */
export function readCalendarQuery(params: URLSearchParams) {
  const parsed = calendarQuerySchema.safeParse({
    from: params.get("from") ?? "",
    to: params.get("to") ?? "",
    profiles: params.get("profiles") ?? "",
    statuses: params.get("statuses") ?? "",
  });
  if (parsed.success)
    return { query: parsed.data satisfies CalendarQuery, problems: {} as Record<string, string> };
  const problems: Record<string, string> = {};
  for (const issue of parsed.error.issues) problems[String(issue.path[0])] ??= issue.message;
  return { query: null, problems };
}
