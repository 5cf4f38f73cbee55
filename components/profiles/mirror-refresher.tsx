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
    setState("loading");
    refreshProfilesAction({ workspaceId })
      .then((result) => {
        if (result.ok && (result.data.refreshed || result.data.error)) router.refresh();
      })
      .catch(() => undefined)
      .finally(() => setState("done"));
  }, [isStale, workspaceId, router]);

  if (!showStatus || state !== "loading") return null;
  return (
    <p role="status" className="mb-4 text-sm text-gray-600">
      Reading profiles from Postproxy…
    </p>
  );
}
