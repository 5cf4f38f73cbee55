"use client";

import FullCalendar from "@fullcalendar/react";
import classicThemePlugin from "@fullcalendar/react/themes/classic";
import "@fullcalendar/react/skeleton.css";
import "@fullcalendar/react/themes/classic/theme.css";
import "@fullcalendar/react/themes/classic/palette.css";
import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { queryKeys } from "@/lib/hooks/query-keys";
import type {
  CalendarData,
  CalendarEntry,
  CalendarQuery,
  CalendarView,
} from "@/lib/validation/calendar";
import { toWallClock } from "@/lib/validation/wall-clock";
import { fromBoardTime, toBoardTime } from "./calendar-range";
import { EntryContent, entryHref } from "./entry-content";
import { loadMove, useCalendarMove } from "./use-calendar-move";

// The dialog (and Radix's) loads when a "Move to…" is first pressed, not with the board.
const MoveDialog = dynamic(() => import("./move-dialog").then((m) => m.MoveDialog), {
  ssr: false,
});

/** A FullCalendar plugin, typed without importing one. */
export type CalendarPlugin = typeof import("@fullcalendar/react/interaction").default;

export type CalendarBoardProps = {
  workspaceId: string;
  timeZone: string;
  canEdit: boolean;
  view: CalendarView;
  day: string;
  query: CalendarQuery;
};

const fcViews: Record<CalendarView, string> = {
  month: "dayGridMonth",
  week: "timeGridWeek",
  agenda: "listMonth",
};
const inFlight = new Set(["sending", "processing", "unknown", "delayed", "pending"]);

async function fetchCalendar(workspaceId: string, query: CalendarQuery): Promise<CalendarData> {
  const params = new URLSearchParams({ workspaceId, from: query.from, to: query.to });
  if (query.profiles.length) params.set("profiles", query.profiles.join(","));
  if (query.statuses.length) params.set("statuses", query.statuses.join(","));
  const res = await fetch(`/api/calendar?${params}`, { cache: "no-store" });
  const body = await res.json().catch(() => null);
  if (!res.ok)
    throw new Error(body?.message ?? `The calendar could not be loaded (${res.status}).`);
  return body as CalendarData;
}

/**
 * Dragging (FullCalendar's interaction plugin, about 10 kB) is fetched the first time a pointer or
 * finger reaches an editor's board, not with the page: most visits only look. Not on focus: the
 * keyboard moves with "Move to…", and the board is drawn again when dragging arrives.
 * The redraw waits while a button or finger is down, until just after its release: a press and
 * release on two different drawings of an entry make no click, so the first click on an entry,
 * made while dragging was still loading, would otherwise be lost. A focused entry link or button
 * keeps the focus across the redraw (its new copy takes it).
 */
function useDragSupport(isWanted: boolean) {
  const [plugin, setPlugin] = useState<CalendarPlugin | null>(null);
  const asked = useRef(false);
  const isPressed = useRef(false);
  const pending = useRef<(() => void) | null>(null);
  // The entry link or "Move to…" button that had the focus when the board was drawn again.
  const focusAfterRedraw = useRef<{ selector: string; old: Element } | null>(null);

  useEffect(() => {
    if (!isWanted) return;
    const release = () => {
      isPressed.current = false;
      const apply = pending.current;
      pending.current = null;
      // After the click that follows this release has been dispatched.
      if (apply) setTimeout(apply, 0);
    };
    document.addEventListener("pointerup", release, true);
    document.addEventListener("pointercancel", release, true);
    return () => {
      document.removeEventListener("pointerup", release, true);
      document.removeEventListener("pointercancel", release, true);
    };
  }, [isWanted]);

  const request = useCallback(() => {
    if (!isWanted || asked.current) return;
    asked.current = true;
    void loadMove().catch(() => {}); // a drop runs it; fetched now so the drop does not wait
    import("@fullcalendar/react/interaction").then(
      (m) => {
        const apply = () => {
          focusAfterRedraw.current = focusedEntryControl();
          setPlugin(() => m.default);
        };
        if (isPressed.current) pending.current = apply;
        else apply();
      },
      () => {
        asked.current = false; // a failed fetch is tried again on the next approach
      },
    );
  }, [isWanted]);

  const press = useCallback(() => {
    isPressed.current = true;
    request();
  }, [request]);

  // After the redraw: the focused entry's elements were replaced, so their new copies take it.
  // FullCalendar draws its entries hidden at first (it measures them), when they cannot take the
  // focus: this tries on each frame for a second.
  const restoreFocus = useCallback(() => {
    const focused = focusAfterRedraw.current;
    focusAfterRedraw.current = null;
    if (!focused) return;
    let frame = 0;
    let handle = 0;
    const attempt = () => {
      // Never taken back from wherever the user has put the focus since.
      const active = document.activeElement;
      if (active && active !== document.body && active !== focused.old) return;
      const target = document.querySelector<HTMLElement>(focused.selector);
      if (target && target !== focused.old) target.focus();
      if (document.activeElement !== target && ++frame < 60)
        handle = requestAnimationFrame(attempt);
    };
    attempt();
    return () => cancelAnimationFrame(handle);
  }, []);

  return { plugin: isWanted ? plugin : null, request, press, restoreFocus };
}

/** The focused entry link or button inside the board, if the focus is there, and how to find it. */
function focusedEntryControl() {
  const active = document.activeElement;
  const entry = active?.closest(".postdeck-calendar [data-entry-id]");
  if (!active || !entry) return null;
  const control = active.tagName === "BUTTON" ? "button" : "a";
  const id = entry.getAttribute("data-entry-id");
  return { selector: `.postdeck-calendar [data-entry-id="${id}"] ${control}`, old: active };
}

/**
 * The board: FullCalendar in UTC fed with the workspace zone's wall clocks (see toBoardTime).
 * `viewPlugin` is the one view's plugin, so a visit loads only the view it shows (board-views.tsx).
 */
export function CalendarBoard({
  workspaceId,
  timeZone,
  canEdit,
  view,
  day,
  query,
  viewPlugin,
}: CalendarBoardProps & { viewPlugin: CalendarPlugin }) {
  const router = useRouter();
  const { data, error, isPending } = useQuery({
    queryKey: queryKeys.calendar.range(workspaceId, query),
    queryFn: () => fetchCalendar(workspaceId, query),
    // Statuses change as posts go out: poll while any is in flight, slowly otherwise.
    refetchInterval: (q) =>
      q.state.data?.entries.some((e) => inFlight.has(e.status)) ? 5_000 : 30_000,
  });
  const { move, notice } = useCalendarMove(workspaceId, query);
  const [moving, setMoving] = useState<CalendarEntry | null>(null);
  const entries = useMemo(() => data?.entries ?? [], [data]);
  const byId = useMemo(() => new Map(entries.map((e) => [e.id, e])), [entries]);
  const events = useMemo(
    () =>
      entries.map((e) => ({
        id: e.id,
        start: toBoardTime(e.at, timeZone),
        allDay: false,
        startEditable: canEdit && e.isMovable,
        durationEditable: false,
        extendedProps: { entryId: e.id },
      })),
    [entries, timeZone, canEdit],
  );
  const canMove = (e: CalendarEntry) => canEdit && e.isMovable;
  const drag = useDragSupport(canEdit && view !== "agenda");
  // Set after the redrawn board's own effects have run (a parent's effects run after its
  // children's), so "ready" means a press will be taken as a drag.
  const [isDragArmed, setIsDragArmed] = useState(false);
  // eslint-disable-next-line react-hooks/set-state-in-effect -- the point is to run after the commit
  useEffect(() => setIsDragArmed(!!drag.plugin), [drag.plugin]);
  const { restoreFocus } = drag;
  useEffect(restoreFocus, [drag.plugin, restoreFocus]);
  const plugins = useMemo(
    () => [viewPlugin, classicThemePlugin, ...(drag.plugin ? [drag.plugin] : [])],
    [viewPlugin, drag.plugin],
  );

  return (
    <div className="min-w-0 space-y-3">
      {error && <Alert tone="error">{error.message}</Alert>}
      {data?.isTruncated && (
        <Alert tone="warning">
          This range holds more posts than the calendar shows; filter by profile to see them all.
        </Alert>
      )}
      <div role="status" aria-live="polite" className="empty:hidden">
        {notice && <Alert tone={notice.tone === "error" ? "error" : "info"}>{notice.text}</Alert>}
      </div>
      {isPending && <p className="text-sm text-gray-600">Loading the calendar…</p>}
      <div
        className="postdeck-calendar min-w-0 overflow-hidden"
        data-view={view}
        data-drag={isDragArmed ? "ready" : undefined}
        onPointerOver={drag.request}
        onPointerDownCapture={drag.press}
      >
        <FullCalendar
          // FullCalendar reads its plugins once: the board is drawn again when dragging arrives.
          key={`${view}:${day}:${drag.plugin ? "drag" : "look"}`}
          plugins={plugins}
          initialView={fcViews[view]}
          initialDate={day}
          timeZone="UTC"
          firstDay={1}
          headerToolbar={false}
          height="auto"
          nowIndicator={false}
          dayMaxEvents={view === "month" ? 4 : false}
          defaultTimedEventDuration="00:30"
          slotDuration="00:30:00"
          scrollTime="08:00:00"
          editable={canEdit}
          eventDurationEditable={false}
          // The entry's own link and "Move to…" button are what a keyboard or screen reader uses;
          // FullCalendar would otherwise make the whole entry a role="button" around them
          // (interactive elements nested in one another).
          eventInteractive={false}
          events={events}
          eventContent={(arg) => {
            const entry = byId.get(arg.event.id);
            if (!entry) return null;
            return (
              <EntryContent
                entry={entry}
                timeZone={timeZone}
                isCompact={view === "month"}
                onMoveRequest={canMove(entry) ? () => setMoving(entry) : undefined}
              />
            );
          }}
          eventClick={(arg) => {
            // The "Move to…" button handles its own click and Enter.
            if ((arg.jsEvent.target as HTMLElement | null)?.closest("button")) return;
            arg.jsEvent.preventDefault();
            const entry = byId.get(arg.event.id);
            if (entry) router.push(entryHref(entry));
          }}
          eventDrop={(arg) => {
            const entry = byId.get(arg.event.id);
            const start = arg.event.start;
            if (!entry || !start) return arg.revert();
            const dropped = fromBoardTime(start);
            // A day move keeps the time of day in the post's own zone; a slot move takes the wall
            // clock dropped on, in the calendar's zone.
            const request =
              view === "month"
                ? {
                    at: `${dropped.slice(0, 10)}T${toWallClock(new Date(entry.at), entry.timeZone).slice(11)}`,
                    timeZone: entry.timeZone,
                  }
                : { at: dropped, timeZone };
            void move({ entry, ...request, revert: arg.revert });
          }}
          dateClick={(arg) => {
            if (!canEdit) return;
            const at = fromBoardTime(arg.date);
            router.push(`/compose?at=${arg.allDay ? `${at.slice(0, 10)}T09:00` : at}`);
          }}
          {...(view === "month"
            ? {
                dayCellTopContent: (arg: { date: Date; dayNumberText: string }) => (
                  <DayCell
                    date={arg.date}
                    text={arg.dayNumberText}
                    canEdit={canEdit}
                    isHiddenFromAssistiveTech
                  />
                ),
              }
            : {})}
          {...(view === "week"
            ? {
                dayHeaderContent: (arg: { date: Date; text: string }) => (
                  <DayCell date={arg.date} text={arg.text} canEdit={canEdit} />
                ),
              }
            : {})}
          noEventsContent={() => "Nothing scheduled in this range."}
        />
      </div>
      {moving && (
        <MoveDialog
          entry={moving}
          timeZone={timeZone}
          onClose={() => setMoving(null)}
          onMove={async (at) =>
            (await move({ entry: moving, at, timeZone }))
              ? null
              : "Not moved; the reason is shown above."
          }
        />
      )}
    </div>
  );
}

/**
 * A day's number (or header) with "+" opening the composer at 9:00 on it. A month cell's number
 * sits in a part FullCalendar hides from screen readers (they read the full date beside it), so its
 * "+" is for the mouse only there; the week view's day headers carry the same "+" for the keyboard.
 */
function DayCell({
  date,
  text,
  canEdit,
  isHiddenFromAssistiveTech = false,
}: {
  date: Date;
  text: string;
  canEdit: boolean;
  isHiddenFromAssistiveTech?: boolean;
}) {
  const day = date.toISOString().slice(0, 10);
  const label = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", dateStyle: "long" }).format(
    date,
  );
  return (
    <span className="flex items-center gap-1">
      <span>{text}</span>
      {canEdit && (
        <a
          href={`/compose?at=${day}T09:00`}
          onClick={(e) => e.stopPropagation()}
          tabIndex={isHiddenFromAssistiveTech ? -1 : undefined}
          aria-label={`New post on ${label} at 9:00 AM`}
          className="rounded px-1 text-sm leading-none font-semibold text-accent-700 hover:bg-accent-50 focus-visible:outline-2 focus-visible:outline-accent-700"
        >
          +
        </a>
      )}
    </span>
  );
}
