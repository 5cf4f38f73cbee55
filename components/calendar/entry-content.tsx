"use client";

import {
  Ban,
  CircleAlert,
  CircleCheck,
  Clock,
  Hourglass,
  Loader,
  Pencil,
  Send,
  type LucideIcon,
} from "lucide-react";
import { ProfileAvatar } from "@/components/profiles/profile-avatar";
import { statusColourClasses } from "@/components/ui/status-badge";
import { formatDateTime } from "@/lib/format/date";
import { postStatusLooks, targetStatusLooks, type StatusLook } from "@/lib/format/status";
import type { CalendarEntry, CalendarStatus } from "@/lib/validation/calendar";
import { cn } from "@/lib/utils";

const icons: Record<CalendarStatus, LucideIcon> = {
  draft: Pencil,
  pending: Hourglass,
  sending: Send,
  scheduled: Clock,
  processing: Loader,
  published: CircleCheck,
  failed: CircleAlert,
  cancelled: Ban,
  unknown: Hourglass,
  delayed: Hourglass,
};

export function lookOf(status: CalendarStatus): StatusLook {
  return status === "draft" ? postStatusLooks.draft : targetStatusLooks[status];
}

export function entryHref(entry: CalendarEntry): string {
  return entry.status === "draft" ? `/compose?post=${entry.postId}` : `/posts/${entry.postId}`;
}

/** "Scheduled, Acme, Mar 14, 2027, 9:30 AM: Spring sale…" */
export function entryLabel(entry: CalendarEntry, timeZone: string): string {
  const when = formatDateTime(entry.at, { timeZone });
  const caption = entry.caption ? `: ${entry.caption.slice(0, 60)}` : "";
  return `${lookOf(entry.status).label}, ${entry.profileName}, ${when}${caption}`;
}

/** One profile's copy on the board: status colour and icon, avatar, time, caption start. */
export function EntryContent({
  entry,
  timeZone,
  isCompact,
  onMoveRequest,
}: {
  entry: CalendarEntry;
  timeZone: string;
  isCompact: boolean;
  onMoveRequest?: () => void;
}) {
  const look = lookOf(entry.status);
  const Icon = icons[entry.status];
  const colour = statusColourClasses[look.colour];
  return (
    <div
      data-entry-id={entry.id}
      data-status={entry.status}
      // Dragging is FullCalendar's (pointer events): the browser's own drag of the link or the
      // avatar image would cancel it mid-way.
      onDragStart={(e) => e.preventDefault()}
      className={cn(
        "flex w-full min-w-0 items-center gap-1 overflow-hidden rounded px-1 py-0.5 text-xs",
        colour.badge,
      )}
    >
      {/* A plain link: the board's eventClick navigates in the app, and next/link would prefetch
          every post page on a busy month (and add its 3 kB to this page). */}
      <a
        href={entryHref(entry)}
        draggable={false}
        aria-label={entryLabel(entry, timeZone)}
        className="flex min-w-0 flex-1 items-center gap-1 focus-visible:outline-2 focus-visible:outline-accent-700"
      >
        <Icon className="size-3 shrink-0" aria-hidden />
        <ProfileAvatar
          name={entry.profileName}
          avatarUrl={entry.avatarUrl}
          size="sm"
          className="size-4 text-[10px]"
        />
        <span className="shrink-0 font-semibold tabular-nums">
          {formatDateTime(entry.at, { format: "time", timeZone })}
        </span>
        {!isCompact && <span className="shrink-0 font-medium">{look.label}</span>}
        <span className="min-w-0 truncate">{entry.caption || entry.profileName}</span>
      </a>
      {onMoveRequest && (
        <button
          type="button"
          onClick={(e) => {
            e.stopPropagation();
            onMoveRequest();
          }}
          // FullCalendar's entry takes Enter and Space itself (and cancels the key's click).
          onKeyDown={(e) => {
            if (e.key !== "Enter" && e.key !== " ") return;
            e.preventDefault();
            e.stopPropagation();
            onMoveRequest();
          }}
          aria-label={`Move to… (${entry.profileName}, ${formatDateTime(entry.at, { timeZone })})`}
          className="shrink-0 rounded px-1 font-semibold hover:bg-white/60 focus-visible:outline-2 focus-visible:outline-accent-700"
        >
          ⋯
        </button>
      )}
    </div>
  );
}
