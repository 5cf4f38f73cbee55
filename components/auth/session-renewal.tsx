"use client";

import { SessionProvider } from "next-auth/react";
import type { ReactNode } from "react";

/**
 * Sessions last 7 days from their last use: reading the session (on load and when the window
 * regains focus) re-issues the token, and the server checks its version at the same time. Also
 * makes useSession() available to the dashboard.
 */
export function SessionRenewal({ children }: { children: ReactNode }) {
  return <SessionProvider>{children}</SessionProvider>;
}
