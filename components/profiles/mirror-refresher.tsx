"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { refreshProfilesAction } from "@/lib/actions/profiles";

/**
 * Asks for a background refresh of the profile mirror once per page view when the page's data is
 * stale, then re-renders the page from the database. The page itself never waits on Postproxy.
 */
export function MirrorRefresher({
  workspaceId,
  isStale,
  showStatus = false,
}: {
  workspaceId: string;
  isStale: boolean;
  /** Say so while the first read is under way (the page has nothing to show yet). */
  showStatus?: boolean;
}) {
  const router = useRouter();
  const started = useRef(false);
  const [state, setState] = useState<"idle" | "loading" | "done">("idle");

  useEffect(() => {
    if (!isStale || started.current) return;
    started.current = true;
    let cancelled = false;
    setState("loading");
    const run = async () => {
      // Another refresh may be under way (another page, the sync route): this one is then
      // skipped, so re-read the page until the mirror is fresh (the page stops rendering this
      // component as stale) or a few attempts have passed.
      for (let attempt = 0; attempt < 8 && !cancelled; attempt++) {
        // Offline, a server action or a refresh would fail (and a failed refresh reloads the
        // page, losing what is typed): the sync route fills the mirror, the next visit shows it.
        if (!navigator.onLine) return;
        const result = await refreshProfilesAction({ workspaceId }).catch(() => null);
        if (cancelled || !result || !navigator.onLine) return;
        router.refresh();
        if (!result.ok || result.data.refreshed || result.data.error) return;
        await new Promise((resolve) => setTimeout(resolve, 1_500));
      }
    };
    void run().finally(() => {
      if (!cancelled) setState("done");
    });
    return () => {
      cancelled = true;
    };
  }, [isStale, workspaceId, router]);

  if (!showStatus || state !== "loading") return null;
  return (
    <p role="status" className="mb-4 text-sm text-gray-600">
      Reading profiles from Postproxy…
    </p>
  );
}
