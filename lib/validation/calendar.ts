import { targetStatuses, type TargetStatus } from "./enums";

/**
 * The calendar's views, statuses, entries and range: zod-free, so the calendar's client code
 * loads no schema (the route's schema is in calendar-query.ts). Client-safe.
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

/** The calendar's range and filters, as checked by calendarQuerySchema (calendar-query.ts). */
export type CalendarQuery = {
  /** First day shown and the day after the last, in the workspace's timezone. */
  from: string;
  to: string;
  profiles: string[];
  statuses: CalendarStatus[];
};

/**
 * The filters of the page's URL without the schema (the route checks them again): profiles as
 * given, statuses the calendar knows.
 */
export function readCalendarFilters(params: { get(name: string): string | null }) {
  const list = (name: string) => (params.get(name) ?? "").split(",").filter(Boolean);
  return {
    profiles: list("profiles").slice(0, 50),
    statuses: list("statuses").filter((s): s is CalendarStatus =>
      (calendarStatuses as readonly string[]).includes(s),
    ),
  };
}

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
