import { z } from "zod";
import { targetStatuses, type TargetStatus } from "./post-view";

/**
 * The calendar's range and filters: one schema for the page (URL), the JSON route
 * (/api/calendar) and the react-query key. Client-safe.
 */
export const calendarViews = ["month", "week", "agenda"] as const;
export type CalendarView = (typeof calendarViews)[number];

/** What an entry's colour and filter read: a profile's status, or "draft" for a timed draft. */
export const calendarStatuses = ["draft", ...targetStatuses] as const;
export type CalendarStatus = "draft" | TargetStatus;

/** A month view shows at most 6 weeks; a little more covers the zone offsets at both ends. */
export const calendarMaxRangeDays = 45;
/** Posts read for one range at most (a month of 5,000 posts fits). */
export const calendarMaxEntries = 6000;

export const calendarTexts = {
  day: "Enter a date as YYYY-MM-DD.",
  range: "Show at most 45 days at once, with the start before the end.",
  status: "Choose statuses from the list.",
  profile: "Choose profiles from the list.",
} as const;

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
export type CalendarQuery = z.output<typeof calendarQuerySchema>;

/** One profile's copy of a post on the calendar. */
export type CalendarEntry = {
  /** The profile's target id, or `draft:<post>:<profile>` for a draft. */
  id: string;
  postId: string;
  postStatus: string;
  version: number;
  profileId: string;
  profileName: string;
  avatarUrl: string | null;
  status: CalendarStatus;
  /** When it goes (or went) out, UTC ISO. */
  at: string;
  /** The post's own timezone (a day move keeps the time of day in it). */
  timeZone: string;
  caption: string;
  isMovable: boolean;
};

export type CalendarData = { timeZone: string; entries: CalendarEntry[]; isTruncated: boolean };

/** Reads URL search params (or the route's) into a query, with field messages. */
export function readCalendarQuery(params: URLSearchParams) {
  const parsed = calendarQuerySchema.safeParse({
    from: params.get("from") ?? "",
    to: params.get("to") ?? "",
    profiles: params.get("profiles") ?? "",
    statuses: params.get("statuses") ?? "",
  });
  if (parsed.success) return { query: parsed.data, problems: {} as Record<string, string> };
  const problems: Record<string, string> = {};
  for (const issue of parsed.error.issues) problems[String(issue.path[0])] ??= issue.message;
  return { query: null, problems };
}
