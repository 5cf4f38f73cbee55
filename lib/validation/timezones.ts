import { getTimeZones, type TimeZone } from "@vvo/tzdb";

// Re-exported for existing imports; the check lives apart so that schemas using it (the composer's
// among them) do not pull @vvo/tzdb's data into the browser.
export { isValidTimeZone } from "./timezone-name";

export type TimeZoneOption = {
  /** Canonical IANA name, saved as is. */
  name: string;
  /** "UTC+05:30", the offset right now (daylight saving included). */
  offset: string;
  /** "India Time — Mumbai, Delhi, Bengaluru, Hyderabad". */
  description: string;
  /** Lower-case words a person may type: cities, old names, country, zone names. */
  terms: string[];
};

/** City names people still type that IANA spells differently today. */
const cityAliases: Record<string, string[]> = {
  "Asia/Kolkata": ["Calcutta", "Kolkata", "Bombay", "Madras", "Chennai"],
  "Europe/Kyiv": ["Kiev", "Kyiv"],
  "Asia/Ho_Chi_Minh": ["Saigon", "Ho Chi Minh"],
  "Asia/Yangon": ["Rangoon"],
  "Asia/Shanghai": ["Peking", "Beijing"],
  "Asia/Kathmandu": ["Katmandu"],
  "America/Nuuk": ["Godthab"],
  "Pacific/Chuuk": ["Truk"],
};

export function formatUtcOffset(minutes: number): string {
  const sign = minutes < 0 ? "−" : "+";
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, "0");
  const mm = String(abs % 60).padStart(2, "0");
  return `UTC${sign}${hh}:${mm}`;
}

function toOption(zone: TimeZone): TimeZoneOption {
  const isUtc = zone.name === "Etc/UTC";
  const name = isUtc ? "UTC" : zone.name;
  const cities = zone.mainCities.filter(Boolean);
  const places = zone.group.map((g) => g.split("/").pop()!.replaceAll("_", " "));
  const terms = [
    name,
    ...zone.group,
    ...places,
    ...cities,
    ...(cityAliases[zone.name] ?? []),
    zone.countryName,
    zone.alternativeName,
    zone.abbreviation,
    zone.currentAbbreviation,
  ]
    .filter(Boolean)
    .map((t) => t.toLowerCase());
  return {
    name,
    offset: formatUtcOffset(zone.currentTimeOffsetInMinutes),
    description: isUtc
      ? "Coordinated Universal Time"
      : `${zone.alternativeName}${cities.length ? ` — ${cities.join(", ")}` : ""}`,
    terms: [...new Set(terms)],
  };
}

/** One entry per clock (tzdb groups zones that show the same time), sorted by current offset. */
export function listTimeZoneOptions(date = new Date()): TimeZoneOption[] {
  return getTimeZones({ includeUtc: true, date }).map(toOption);
}

/** The entry a saved value belongs to, old spellings included ("Asia/Calcutta" → Asia/Kolkata). */
export function findTimeZoneOption(
  options: TimeZoneOption[],
  value: string,
): TimeZoneOption | undefined {
  const needle = value.toLowerCase();
  return (
    options.find((o) => o.name.toLowerCase() === needle) ??
    options.find((o) => o.terms.includes(needle) && needle.includes("/")) ??
    (["utc", "etc/utc", "gmt"].includes(needle) ? options.find((o) => o.name === "UTC") : undefined)
  );
}

function rank(option: TimeZoneOption, query: string): number {
  let best = Infinity;
  for (const term of option.terms) {
    if (term === query) return 0;
    if (term.startsWith(query)) best = Math.min(best, 1);
    else if (term.split(/[\s/_-]+/).some((word) => word.startsWith(query)))
      best = Math.min(best, 2);
    else if (term.includes(query)) best = Math.min(best, 3);
  }
  return best;
}

/** Exact and prefix matches first (by city, old name, country or zone), then words, then substrings. */
export function searchTimeZones(options: TimeZoneOption[], query: string): TimeZoneOption[] {
  const q = query.trim().toLowerCase().replaceAll("_", " ");
  if (!q) return options;
  return options
    .map((option, index) => ({
      option,
      index,
      score: Math.min(rank(option, q), rank(option, q.replaceAll(" ", "_"))),
    }))
    .filter((r) => r.score !== Infinity)
    .sort((a, b) => a.score - b.score || a.index - b.index)
    .map((r) => r.option);
}
