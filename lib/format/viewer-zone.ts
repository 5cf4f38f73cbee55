import { isValidTimeZone } from "@/lib/validation/timezone-name";

/** The cookie in which the browser tells the server its timezone, so server HTML shows its time. */
export const viewerZoneCookie = "pd_tz";

/** The cookie's value as a zone, or null when it is missing or not a zone the runtime knows. */
export function readViewerZoneCookie(value: string | undefined | null): string | null {
  if (!value) return null;
  const zone = decodeURIComponent(value);
  return isValidTimeZone(zone) ? zone : null;
}

/** `document.cookie` text that stores the zone for a year on every path. */
export function viewerZoneCookieText(zone: string): string {
  return `${viewerZoneCookie}=${encodeURIComponent(zone)}; Path=/; Max-Age=31536000; SameSite=Lax`;
}
