export type DateInput = Date | string | number;
export type DateFormat = "datetime" | "date" | "time";

const styles: Record<DateFormat, Intl.DateTimeFormatOptions> = {
  datetime: { dateStyle: "medium", timeStyle: "short" },
  date: { dateStyle: "medium" },
  time: { timeStyle: "short" },
};

/** The zone of whoever is looking: the browser's, or UTC where there is no browser (server HTML). */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

/**
 * The one date/time formatter: "Dec 2, 2026, 7:51 AM" in the given zone (the viewer's by default),
 * with the zone's short name when asked ("Dec 2, 2026, 7:51 AM GMT+1").
 */
export function formatDateTime(
  value: DateInput,
  options: { format?: DateFormat; timeZone?: string; withZone?: boolean } = {},
): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return "";
  const { format = "datetime", timeZone = viewerTimeZone(), withZone = false } = options;
  const text = new Intl.DateTimeFormat("en-US", { ...styles[format], timeZone }).format(date);
  if (!withZone || format === "date") return text;
  const zone = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "short" })
    .formatToParts(date)
    .find((p) => p.type === "timeZoneName")?.value;
  return zone ? `${text} ${zone}` : text;
}
