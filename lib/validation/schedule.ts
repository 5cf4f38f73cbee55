import { TZDate } from "@date-fns/tz";
import { isValidTimeZone } from "./timezone-name";

/** A wall-clock time as `<input type="datetime-local">` gives it: "2026-11-25T14:30". */
const localPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** Whether `at` is a real calendar date and time (no 31 April, no 24:00). */
export function isLocalDateTime(at: string): boolean {
  const m = localPattern.exec(at);
  if (!m) return false;
  const [y, mo, d, h, mi] = m.slice(1).map(Number);
  const probe = new Date(Date.UTC(y, mo - 1, d, h, mi));
  return (
    probe.getUTCFullYear() === y &&
    probe.getUTCMonth() === mo - 1 &&
    probe.getUTCDate() === d &&
    h < 24 &&
    mi < 60
  );
}

/**
 * The UTC instant of a wall-clock time in an IANA zone, or null when either is invalid. A time
 * skipped by a daylight-saving jump moves forward by the jump, as clocks do.
 */
export function toScheduledInstant(at: string, timeZone: string): Date | null {
  if (!isLocalDateTime(at) || !isValidTimeZone(timeZone)) return null;
  const [y, mo, d, h, mi] = localPattern.exec(at)!.slice(1).map(Number);
  return new Date(new TZDate(y, mo - 1, d, h, mi, timeZone).getTime());
}
