"use client";

import { useSyncExternalStore } from "react";
import { formatDateTime, viewerTimeZone, type DateFormat } from "@/lib/format/date";

const noSubscribe = () => () => {};

/**
 * A date in the viewer's timezone. The server does not know that zone, so its HTML shows UTC
 * (labelled) and the browser re-renders in its own zone right after hydration.
 */
export function DateTime({
  value,
  format = "datetime",
}: {
  value: Date | string;
  format?: DateFormat;
}) {
  const zone = useSyncExternalStore(noSubscribe, viewerTimeZone, () => null);
  const iso = typeof value === "string" ? value : value.toISOString();
  const text = zone
    ? formatDateTime(iso, { format, timeZone: zone })
    : formatDateTime(iso, { format, timeZone: "UTC", withZone: format !== "date" });
  return <time dateTime={iso}>{text}</time>;
}
