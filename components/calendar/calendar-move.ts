"use client";

import type { QueryClient } from "@tanstack/react-query";
import { reschedulePostAction } from "@/lib/actions/post-manage";
import { queryKeys } from "@/lib/hooks/query-keys";
import { toast } from "@/lib/toast";
import type { CalendarData, CalendarEntry, CalendarQuery } from "@/lib/validation/calendar";
import { isInsideEditLock, manageTexts } from "@/lib/validation/edit-lock";
import { resolveWallClock, toWallClock } from "@/lib/validation/wall-clock";

export type MoveRequest = {
  entry: CalendarEntry;
  /** The new wall clock "YYYY-MM-DDTHH:MM" in `timeZone`. */
  at: string;
  timeZone: string;
  /** FullCalendar's own undo of a drag, called when the move does not happen. */
  revert?: () => void;
  isUndo?: boolean;
};

export type MoveNotice = { tone: "error" | "info"; text: string } | null;

const undoMs = 10_000;

/** What a move needs from the board: its cache, its notice and the move itself (for Undo). */
export type MoveContext = {
  workspaceId: string;
  query: CalendarQuery;
  queryClient: QueryClient;
  setNotice(notice: MoveNotice): void;
  setIsMoving(isMoving: boolean): void;
  move(request: MoveRequest): Promise<boolean>;
};

/** What is refused before any call: not movable, a time the clocks skip, the past and the lock. */
function checkMove(entry: MoveRequest["entry"], at: string, timeZone: string, now: Date) {
  if (!entry.isMovable)
    return {
      ok: false as const,
      message:
        entry.status === "scheduled"
          ? manageTexts.lockReason
          : manageTexts.notScheduled(entry.status),
    };
  const resolved = resolveWallClock(at, timeZone);
  if (!resolved.ok) return resolved;
  if (resolved.instant.getTime() <= now.getTime())
    return { ok: false as const, message: "Choose a time in the future: that time has passed." };
  if (isInsideEditLock(resolved.instant, now))
    return { ok: false as const, message: manageTexts.newTimeInsideLock };
  return resolved;
}

/**
 * Moving an entry moves every scheduled profile of its post: shown at once, sent through the
 * reschedule action, rolled back with the reason when refused, with Undo for 10 seconds after.
 */
export async function runMove(
  { workspaceId, query, queryClient, setNotice, setIsMoving, move }: MoveContext,
  { entry, at, timeZone, revert, isUndo }: MoveRequest,
): Promise<boolean> {
  const key = queryKeys.calendar.range(workspaceId, query);
  const refuse = (text: string) => {
    revert?.();
    setNotice({ tone: "error", text });
    toast.error(text);
    return false;
  };
  const checked = checkMove(entry, at, timeZone, new Date());
  if (!checked.ok) return refuse(checked.message);
  const resolved = checked;

  const before = queryClient.getQueryData<CalendarData>(key);
  const newAt = resolved.instant.toISOString();
  await queryClient.cancelQueries({ queryKey: key });
  queryClient.setQueryData<CalendarData>(key, (data) =>
    data
      ? {
          ...data,
          entries: data.entries.map((e) =>
            e.postId === entry.postId && e.isMovable ? { ...e, at: newAt } : e,
          ),
        }
      : data,
  );
  setIsMoving(true);
  setNotice(null);
  let result: Awaited<ReturnType<typeof reschedulePostAction>>;
  try {
    result = await reschedulePostAction({
      workspaceId,
      postId: entry.postId,
      version: entry.version,
      at,
      timeZone,
    });
  } catch {
    result = {
      ok: false,
      code: "internal",
      message: "Couldn't reach Postdeck. Check your connection and try again.",
    };
  } finally {
    setIsMoving(false);
  }
  if (!result.ok) {
    if (before) queryClient.setQueryData(key, before);
    revert?.();
    if (result.code === "conflict") void queryClient.invalidateQueries({ queryKey: key });
    const text = result.fieldErrors
      ? (Object.values(result.fieldErrors).flat()[0] ?? result.message)
      : result.message;
    setNotice({ tone: "error", text: `Not moved: ${text}` });
    toast.error(`Not moved: ${text}`);
    return false;
  }
  const data = result.data;
  const refused = data.outcomes.filter((o) => !o.accepted);
  // Each profile sits where Postproxy put it.
  queryClient.setQueryData<CalendarData>(key, (current) =>
    current
      ? {
          ...current,
          entries: current.entries.map((e) => {
            const outcome = data.outcomes.find((o) => o.targetId === e.id);
            if (e.postId !== entry.postId) return e;
            return {
              ...e,
              version: data.version,
              at: outcome?.scheduledAt ?? (outcome?.accepted ? newAt : e.at),
            };
          }),
        }
      : current,
  );
  void queryClient.invalidateQueries({ queryKey: queryKeys.calendar.all(workspaceId) });
  const lines = [
    ...refused.map((o) => o.message ?? `${o.profileName} was not moved.`),
    ...(data.note ? [data.note] : []),
    ...data.warnings,
  ];
  setNotice(
    lines.length ? { tone: refused.length ? "error" : "info", text: lines.join(" ") } : null,
  );
  for (const w of data.warnings) toast.warning(w);
  if (refused.length === data.outcomes.length && data.outcomes.length > 0) return false;
  if (!isUndo) {
    const oldAt = toWallClock(new Date(entry.at), entry.timeZone);
    const moved = { ...entry, version: data.version, at: newAt };
    toast.success(refused.length ? "Moved for some profiles." : "Post moved.", {
      duration: undoMs,
      action: {
        label: "Undo",
        onClick: () =>
          void move({ entry: moved, at: oldAt, timeZone: entry.timeZone, isUndo: true }),
      },
    });
  } else toast.success("Move undone.");
  return true;
}
