"use client";

import { useEffect, type ReactNode } from "react";

// next-auth re-issues the session token whenever the session is read (lib/auth/options.ts).
// The body is read so the request completes (an unread body keeps it open in the browser).
const renew = () =>
  fetch("/api/auth/session", { cache: "no-store", credentials: "same-origin" })
    .then((res) => res.arrayBuffer())
    .catch(() => {});

/**
 * Sessions last 7 days from their last use: reading the session on load and whenever the window
 * becomes visible again re-issues the token (as next-auth's SessionProvider does, without shipping
 * its client on every page), and the server checks the session's version at the same time.
 */
export function SessionRenewal({ children }: { children: ReactNode }) {
  useEffect(() => {
    void renew();
    const onVisible = () => {
      if (document.visibilityState === "visible") void renew();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
  }, []);
  return children;
}
