"use client";

// The row's callback props match uploader.tsx's item row in shape only.

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { DateTime } from "@/components/ui/date-time";
import { markAlertsReadAction } from "@/lib/actions/alerts";
import { queryKeys } from "@/lib/hooks/query-keys";
import type { AlertListView, AlertView } from "@/lib/validation/alerts";

async function fetchAlerts(workspaceId: string): Promise<AlertListView> {
  const res = await fetch(`/api/alerts?workspaceId=${encodeURIComponent(workspaceId)}`, {
    cache: "no-store",
  });
  if (!res.ok) throw new Error(`alerts ${res.status}`);
  return res.json();
}

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
  const client = useQueryClient();
  const panelId = useId();
  const [isOpen, setIsOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const key = queryKeys.alerts(workspaceId);
  const query = useQuery({
    queryKey: key,
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

  async function markRead(input: { all: true } | { ids: string[] }) {
    setError(null);
    const result = await markAlertsReadAction({ ...input, workspaceId });
    if (!result.ok) setError(result.message);
    await client.invalidateQueries({ queryKey: key });
  }

  return (
    <div ref={rootRef} className="relative">
      <button
        type="button"
        aria-expanded={isOpen}
        aria-controls={panelId}
        aria-label={unread ? `Alerts, ${unread} unread` : "Alerts"}
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
          <div className="flex items-center justify-between gap-2 border-b border-gray-200 px-4 py-3">
            <h2 className="text-sm font-semibold text-gray-900">Alerts</h2>
            <button
              type="button"
              disabled={unread === 0}
              onClick={() => markRead({ all: true })}
              className="rounded px-2 py-1 text-sm font-medium text-gray-700 hover:bg-gray-100 disabled:text-gray-400 disabled:hover:bg-transparent"
            >
              Mark all read
            </button>
          </div>
          <div aria-live="polite" className="px-4 empty:hidden">
            {error ? <p className="py-2 text-sm text-red-700">{error}</p> : null}
          </div>
          {query.isError ? (
            <p className="px-4 py-6 text-sm text-red-700">Alerts could not be loaded. Try again.</p>
          ) : !query.data ? (
            <p className="px-4 py-6 text-sm text-gray-600">Loading alerts…</p>
          ) : query.data.alerts.length === 0 ? (
            <p className="px-4 py-6 text-sm text-gray-600">
              No alerts. Failed posts and profiles that need reconnecting show here.
            </p>
          ) : (
            <ul className="divide-y divide-gray-100">
              {query.data.alerts.map((a) => (
                <AlertItem
                  key={a.id}
                  alert={a}
                  onRead={() => markRead({ ids: [a.id] })}
                  onOpen={() => setIsOpen(false)}
                />
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </div>
  );
}

function AlertItem({
  alert,
  onRead,
  onOpen,
}: {
  alert: AlertView;
  onRead: () => void;
  onOpen: () => void;
}) {
  return (
    <li className={`px-4 py-3 ${alert.isRead ? "" : "bg-amber-50"}`}>
      <div className="flex items-start justify-between gap-2">
        <p className="min-w-0 text-sm font-medium break-words text-gray-900">
          {alert.isRead ? null : <span className="sr-only">Unread: </span>}
          {alert.headline}
        </p>
        {alert.isRead ? null : (
          <button
            type="button"
            onClick={onRead}
            className="shrink-0 rounded px-1.5 py-0.5 text-xs font-medium text-gray-700 hover:bg-gray-200"
          >
            Mark read
          </button>
        )}
      </div>
      <p className="mt-1 text-sm break-words text-gray-700">{alert.detail}</p>
      <p className="mt-1 text-sm break-words text-gray-700">
        <span className="font-medium">Who acts:</span> {alert.whoActs}.{" "}
        <span className="font-medium">Fix:</span> {alert.fix}
      </p>
      <div className="mt-2 flex items-center justify-between gap-2 text-xs text-gray-500">
        <DateTime value={alert.createdAt} />
        <Link
          href={`/posts/${alert.postId}`}
          onClick={() => {
            onOpen();
            if (!alert.isRead) onRead();
          }}
          className="font-medium text-gray-900 underline underline-offset-2"
        >
          Open the post
        </Link>
      </div>
    </li>
  );
}
