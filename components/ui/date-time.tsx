"use client";

import { formatDateTime, type DateFormat } from "@/lib/format/date";
import { useViewerZone } from "./viewer-zone";

/**
 * A date in the viewer's timezone. The server renders it in the zone the browser put in its
 * cookie (UTC, labelled, before the first visit sets it); hydration matches that HTML, then the
 * browser's own zone is used.
 */
export function DateTime({
  value,
  format = "datetime",
}: {
  value: Date | string;
  format?: DateFormat;
}) {
  const zone = useViewerZone();
  const iso = typeof value === "string" ? value : value.toISOString();
  const text = zone
    ? formatDateTime(iso, { format, timeZone: zone })
    : formatDateTime(iso, { format, timeZone: "UTC", withZone: format !== "date" });
  return <time dateTime={iso}>{text}</time>;
}
