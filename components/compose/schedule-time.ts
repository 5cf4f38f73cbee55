import { formatDateTime } from "@/lib/format/date";
import { toScheduledInstant } from "@/lib/validation/schedule";

// e2e/support/helpers.ts formats a wall clock the same way on purpose: specs that worked out
// their expected times with this code could not catch its mistakes.
/** "YYYY-MM-DDTHH:MM" for `date` as a wall clock in `timeZone` (datetime-local's format). */
export function toLocalInputValue(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value;
  return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}`;
}

/** The chosen wall clock as UTC and, when it differs from the chosen zone, in the viewer's zone. */
export function describeScheduledTime(
  at: string | undefined,
  timeZone: string | undefined,
  viewerZone: string | null,
): { instant: Date; utc: string; viewer: string | null } | null {
  if (!at || !timeZone) return null;
  const instant = toScheduledInstant(at, timeZone);
  if (!instant) return null;
  const utc = formatDateTime(instant, { timeZone: "UTC", withZone: true });
  const viewer =
    viewerZone && viewerZone !== timeZone && viewerZone !== "UTC"
      ? formatDateTime(instant, { timeZone: viewerZone, withZone: true })
      : null;
  return { instant, utc, viewer };
}
