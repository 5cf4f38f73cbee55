/** IANA zones known to this runtime; "UTC" is added because some engines list only Etc/UTC. */
export function listTimeZones(): string[] {
  const zones = Intl.supportedValuesOf("timeZone");
  return zones.includes("UTC") ? zones : ["UTC", ...zones];
}

export function isValidTimeZone(value: string): boolean {
  if (!value || !/^[A-Za-z_]+(?:\/[A-Za-z0-9_+\-]+)*$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
  } catch {
    return false;
  }
  return value === "UTC" || value.includes("/");
}
