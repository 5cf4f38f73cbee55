"use client";

import { createContext, useContext, useEffect, useSyncExternalStore, type ReactNode } from "react";
import { viewerTimeZone } from "@/lib/format/date";
import { viewerZoneCookie, viewerZoneCookieText } from "@/lib/format/viewer-zone";

const ServerZone = createContext<string | null>(null);
const noSubscribe = () => () => {};

/**
 * The zone the server rendered dates in (from the browser's cookie, or null: UTC, labelled).
 * Hydration renders with it too, so server and client HTML agree; then the browser's own zone
 * takes over. The cookie is (re)written whenever the browser's zone differs from it.
 */
export function ViewerZoneProvider({
  zone,
  children,
}: {
  zone: string | null;
  children: ReactNode;
}) {
  useEffect(() => {
    const current = viewerTimeZone();
    const stored = document.cookie
      .split("; ")
      .find((c) => c.startsWith(`${viewerZoneCookie}=`))
      ?.split("=")[1];
    if (!stored || decodeURIComponent(stored) !== current)
      document.cookie = viewerZoneCookieText(current);
  }, []);
  return <ServerZone.Provider value={zone}>{children}</ServerZone.Provider>;
}

/** The viewer's zone: the server's guess while hydrating, the browser's after. */
export function useViewerZone(): string | null {
  const serverZone = useContext(ServerZone);
  return useSyncExternalStore(noSubscribe, viewerTimeZone, () => serverZone);
}
