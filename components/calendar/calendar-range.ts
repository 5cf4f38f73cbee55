import { toWallClock } from "@/lib/validation/wall-clock";
import type { CalendarView } from "@/lib/validation/calendar";

/** Days as YYYY-MM-DD, computed on UTC dates so the browser's own zone never shifts them. */
const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const parseDay = (day: string) => new Date(`${day}T00:00:00Z`);
export const addDays = (day: string, n: number) => {
  const d = parseDay(day);
  d.setUTCDate(d.getUTCDate() + n);
  return dayOf(d);
};

export function todayIn(timeZone: string, now = new Date()): string {
  return toWallClock(now, timeZone).slice(0, 10);
}

/** Monday of the day's week. */
export function weekStart(day: string): string {
  const weekday = (parseDay(day).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** The days a view shows around `day` ([from, to)), as the range the route is asked for. */
export function rangeOf(view: CalendarView, day: string): { from: string; to: string } {
  if (view === "week") {
    const from = weekStart(day);
    return { from, to: addDays(from, 7) };
  }
  const first = `${day.slice(0, 8)}01`;
  const d = parseDay(first);
  d.setUTCMonth(d.getUTCMonth() + 1);
  const nextFirst = dayOf(d);
  if (view === "agenda") return { from: first, to: nextFirst };
  // The month grid: whole weeks from the Monday before the 1st to the Sunday after the last.
  const from = weekStart(first);
  const to = addDays(weekStart(addDays(nextFirst, -1)), 7);
  return { from, to };
}

/** The day the previous/next button goes to. */
export function shiftDay(view: CalendarView, day: string, step: -1 | 1): string {
  if (view === "week") return addDays(day, 7 * step);
  const d = parseDay(`${day.slice(0, 8)}01`);
  d.setUTCMonth(d.getUTCMonth() + step);
  return dayOf(d);
}

/**
 * FullCalendar runs in UTC and is given each time as its wall clock in the calendar's zone
 * written as UTC, so what it shows and what a drop lands on are the zone's wall clock whatever
 * the browser's own zone is.
 */
export function toBoardTime(iso: string, timeZone: string): string {
  return `${toWallClock(new Date(iso), timeZone)}:00Z`;
}

/** A board time (FullCalendar's Date in UTC) back to "YYYY-MM-DDTHH:MM". */
export function fromBoardTime(date: Date): string {
  return date.toISOString().slice(0, 16);
}

/** The range's title: "March 2027" or "Mar 8 – 14, 2027". */
export function rangeTitle(view: CalendarView, day: string): string {
  const fmt = (d: string, o: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat("en-US", { ...o, timeZone: "UTC" }).format(parseDay(d));
  if (view !== "week") return fmt(day, { month: "long", year: "numeric" });
  const { from, to } = rangeOf("week", day);
  const last = addDays(to, -1);
  return `${fmt(from, { month: "short", day: "numeric" })} – ${fmt(last, { month: "short", day: "numeric", year: "numeric" })}`;
}
