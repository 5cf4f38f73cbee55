/**
 * Wall-clock times in a named zone, daylight saving included: a time the spring-forward jump
 * skips does not exist (refused with the reason), one the fall-back hour repeats is ambiguous
 * (the first occurrence is taken and said). Client-safe: Intl only.
 */
const localPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterOf(timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** "2026-03-08T02:30" for an instant in a zone. */
export function toWallClock(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    formatterOf(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

export const wallClockTexts = {
  invalid: "Enter the date and time as YYYY-MM-DD HH:MM.",
  skipped: (at: string, timeZone: string) =>
    `${at.replace("T", " ")} does not exist in ${timeZone}: the clocks jump forward over it for daylight saving. Choose another time.`,
  repeated: (at: string, timeZone: string) =>
    `${at.replace("T", " ")} happens twice in ${timeZone} as the clocks go back; the first one (before the change) was taken.`,
} as const;

export type WallClockResult =
  { ok: true; instant: Date; note: string | null } | { ok: false; message: string };

/** The instant of a wall-clock time in a zone, or why there is none. */
export function resolveWallClock(at: string, timeZone: string): WallClockResult {
  const m = localPattern.exec(at);
  if (!m) return { ok: false, message: wallClockTexts.invalid };
  const [y, mo, d, h, mi] = m.slice(1).map(Number);
  const naive = Date.UTC(y, mo - 1, d, h, mi);
  if (new Date(naive).toISOString().slice(0, 16) !== at)
    return { ok: false, message: wallClockTexts.invalid };
  // Every offset in use within 14 hours either side gives a candidate; those that read back as
  // the same wall clock are the occurrences.
  const offsets = new Set<number>();
  for (let hours = -14; hours <= 14; hours += 1) {
    const probe = new Date(naive + hours * 3_600_000);
    const wall = toWallClock(probe, timeZone);
    offsets.add(Date.parse(`${wall}:00Z`) - Math.floor(probe.getTime() / 60_000) * 60_000);
  }
  const occurrences = [...offsets]
    .map((offset) => naive - offset)
    .filter((t) => toWallClock(new Date(t), timeZone) === at)
    .sort((a, b) => a - b);
  const unique = [...new Set(occurrences)];
  if (unique.length === 0) return { ok: false, message: wallClockTexts.skipped(at, timeZone) };
  return {
    ok: true,
    instant: new Date(unique[0]),
    note: unique.length > 1 ? wallClockTexts.repeated(at, timeZone) : null,
  };
}
