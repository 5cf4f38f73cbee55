"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { refreshStatsAction } from "@/lib/actions/stats";

/** Reads due stats from Postproxy in the background, then re-renders from the database. */
export function StatsRefresher({
  workspaceId,
  isStale,
}: {
  workspaceId: string;
  isStale: boolean;
}) {
  const router = useRouter();
  const started = useRef(false);
  useEffect(() => {
    if (!isStale || started.current) return;
    started.current = true;
    refreshStatsAction({ workspaceId })
      .then((r) => {
        if (r.ok && r.data.snapshots > 0) router.refresh();
        // Another request is reading this workspace's stats: show what it stored once it is done.
        else if (r.ok && r.data.busy) setTimeout(() => router.refresh(), 5000);
      })
      .catch(() => undefined);
  }, [isStale, workspaceId, router]);
  return null;
}
