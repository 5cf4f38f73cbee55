"use client";

// The row's callback props match uploader.tsx's item row in shape only.

import { useQueryClient, type UseQueryResult } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { DateTime } from "@/components/ui/date-time";
import { markAlertsReadAction } from "@/lib/actions/alerts";
import { queryKeys } from "@/lib/hooks/query-keys";
import type { AlertListView, AlertView } from "@/lib/validation/alerts";

/** The open alerts list (alerts-bell.tsx loads it on first approach): rows, "Mark read", links. */
export function AlertsPanel({
  workspaceId,
  query,
  unread,
  onClose,
}: {
  workspaceId: string;
  query: UseQueryResult<AlertListView>;
  unread: number;
  onClose: () => void;
}) {
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);

  async function markRead(input: { all: true } | { ids: string[] }) {
    setError(null);
    const result = await markAlertsReadAction({ ...input, workspaceId });
    if (!result.ok) setError(result.message);
    await client.invalidateQueries({ queryKey: queryKeys.alerts(workspaceId) });
  }

  return (
    <>
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
              onOpen={onClose}
            />
          ))}
        </ul>
      )}
    </>
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
