"use client";

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useEffect, useId, useRef, useState } from "react";
import { queryKeys } from "@/lib/hooks/query-keys";
import type { AlertListView } from "@/lib/validation/alerts";

async function fetchAlerts(workspaceId: string): Promise<AlertListView> {
  const res = await fetch(`/api/alerts?workspaceId=${encodeURIComponent(workspaceId)}`, {
    cache: "no-store",
  });
  if (!res.ok) throw new Error(`alerts ${res.status}`);
  return res.json();
}

// The open list (its rows, dates and "Mark read") loads when the bell is first approached, not
// with every page: most page views only read the count.
const loadPanel = () => import("./alerts-panel");
const AlertsPanel = dynamic(() => loadPanel().then((m) => m.AlertsPanel), {
  ssr: false,
  loading: () => <p className="px-4 py-6 text-sm text-gray-600">Loading alerts…</p>,
});

function BellIcon() {
  return (
    <svg aria-hidden viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor">
      <path
        strokeWidth={1.8}
        strokeLinecap="round"
        strokeLinejoin="round"
        d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.94 1.94 0 0 0 3.4 0"
      />
    </svg>
  );
}

/**
 * The alerts list in the shell: a bell with the unread count that opens the member's alerts of
 * the last 90 days (polled, so a failure shows without a reload), each linking to its post.
 */
export function AlertsBell({
  workspaceId,
  align,
}: {
  workspaceId: string;
  align: "left" | "right";
}) {
  const panelId = useId();
  const [isOpen, setIsOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const query = useQuery({
    queryKey: queryKeys.alerts(workspaceId),
    queryFn: () => fetchAlerts(workspaceId),
    refetchInterval: isOpen ? 3000 : 10000,
    retry: false,
  });
  const unread = query.data?.unread ?? 0;

  useEffect(() => {
    if (!isOpen) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setIsOpen(false);
    const onClick = (e: MouseEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setIsOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("mousedown", onClick);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("mousedown", onClick);
    };
  }, [isOpen]);

  const prefetch = () => void loadPanel().catch(() => {}); // the open renders it; a failure retries there

  return (
    <div ref={rootRef} className="relative">
      <button
        type="button"
        aria-expanded={isOpen}
        aria-controls={panelId}
        aria-label={unread ? `Alerts, ${unread} unread` : "Alerts"}
        onPointerEnter={prefetch}
        onFocus={prefetch}
        onClick={() => setIsOpen((v) => !v)}
        className="relative inline-flex size-10 items-center justify-center rounded-md text-gray-700 hover:bg-gray-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-gray-900"
      >
        <BellIcon />
        {unread > 0 ? (
          <span
            aria-hidden
            className="absolute top-1 right-1 min-w-4 rounded-full bg-red-600 px-1 text-center text-[11px] leading-4 font-semibold text-white"
          >
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null}
      </button>
      {isOpen ? (
        <div
          id={panelId}
          role="region"
          aria-label="Alerts"
          className={`fixed inset-x-2 top-16 z-50 max-h-[75vh] overflow-y-auto rounded-lg border border-gray-200 bg-white shadow-lg sm:absolute sm:inset-x-auto sm:top-12 sm:w-96 ${
            align === "left" ? "sm:left-0" : "sm:right-0"
          }`}
        >
          <AlertsPanel
            workspaceId={workspaceId}
            query={query}
            unread={unread}
            onClose={() => setIsOpen(false)}
          />
        </div>
      ) : null}
    </div>
  );
}
