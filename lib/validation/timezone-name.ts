/** A real IANA zone name (what the browser knows), never a bare abbreviation or offset. */
export function isValidTimeZone(value: string): boolean {
  if (!value || !/^[A-Za-z_]+(?:\/[A-Za-z0-9_+\-]+)*$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
  } catch {
    return false;
  }
  return value === "UTC" || value.includes("/");
}
