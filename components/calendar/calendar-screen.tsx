"use client";

import { ChevronLeft, ChevronRight } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import {
  calendarViews,
  readCalendarFilters,
  type CalendarQuery,
  type CalendarView,
} from "@/lib/validation/calendar";
import { cn } from "@/lib/utils";
import { boardsByView } from "./board-views";
import { CalendarFilters } from "./calendar-filters";
import { rangeOf, rangeTitle, shiftDay, todayIn } from "./calendar-range";

const phoneQuery = "(max-width: 639px)";
const subscribePhone = (onChange: () => void) => {
  const list = window.matchMedia(phoneQuery);
  list.addEventListener("change", onChange);
  return () => list.removeEventListener("change", onChange);
};

const viewLabels: Record<CalendarView, string> = { month: "Month", week: "Week", agenda: "Agenda" };

/** The calendar's toolbar, filters and board; the range, view and filters live in the URL. */
export function CalendarScreen({
  workspaceId,
  timeZone,
  canEdit,
  profiles,
}: {
  workspaceId: string;
  timeZone: string;
  canEdit: boolean;
  profiles: { profileId: string; profileName: string }[];
}) {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const isPhone = useSyncExternalStore(
    subscribePhone,
    () => window.matchMedia(phoneQuery).matches,
    () => false,
  );
  const today = todayIn(timeZone);
  const viewParam = search.get("view");
  const view: CalendarView = calendarViews.includes(viewParam as CalendarView)
    ? (viewParam as CalendarView)
    : isPhone
      ? "agenda"
      : "month";
  const dateParam = search.get("date") ?? "";
  const day =
    /^\d{4}-\d{2}-\d{2}$/.test(dateParam) && !Number.isNaN(Date.parse(dateParam))
      ? dateParam
      : today;
  const query: CalendarQuery = useMemo(
    () => ({ ...rangeOf(view, day), ...readCalendarFilters(search) }),
    [view, day, search],
  );

  const CalendarBoard = boardsByView[view];

  const go = (changes: Record<string, string | null>) => {
    const params = new URLSearchParams(search.toString());
    for (const [k, v] of Object.entries(changes)) {
      if (v) params.set(k, v);
      else params.delete(k);
    }
    router.replace(`${pathname}?${params}`, { scroll: false });
  };

  return (
    <div className="min-w-0 space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex items-center gap-1">
          <Button
            variant="secondary"
            size="sm"
            aria-label={`Previous ${view === "week" ? "week" : "month"}`}
            onClick={() => go({ view, date: shiftDay(view, day, -1) })}
          >
            <ChevronLeft className="size-4" aria-hidden />
          </Button>
          <Button variant="secondary" size="sm" onClick={() => go({ view, date: today })}>
            Today
          </Button>
          <Button
            variant="secondary"
            size="sm"
            aria-label={`Next ${view === "week" ? "week" : "month"}`}
            onClick={() => go({ view, date: shiftDay(view, day, 1) })}
          >
            <ChevronRight className="size-4" aria-hidden />
          </Button>
          <h2 className="ml-2 text-base font-semibold text-gray-900" aria-live="polite">
            {rangeTitle(view, day)}
          </h2>
        </div>
        <div
          role="group"
          aria-label="View"
          className="flex rounded-md border border-gray-300 bg-white p-0.5"
        >
          {calendarViews.map((v) => (
            <button
              key={v}
              type="button"
              aria-pressed={v === view}
              onClick={() => go({ view: v, date: day })}
              className={cn(
                "rounded px-3 py-1 text-sm",
                v === view ? "bg-gray-900 text-white" : "text-gray-700 hover:bg-gray-100",
              )}
            >
              {viewLabels[v]}
            </button>
          ))}
        </div>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <CalendarFilters
          query={query}
          profiles={profiles}
          onChange={(next) =>
            go({
              profiles: next.profiles.join(",") || null,
              statuses: next.statuses.join(",") || null,
            })
          }
        />
        <p className="text-sm text-gray-600">
          Times in <strong className="font-medium text-gray-900">{timeZone}</strong>
          {canEdit
            ? view === "agenda"
              ? " · ⋯ on a scheduled post moves it"
              : " · drag a scheduled post to move it"
            : ""}
        </p>
      </div>
      <CalendarBoard
        workspaceId={workspaceId}
        timeZone={timeZone}
        canEdit={canEdit}
        view={view}
        day={day}
        query={query}
      />
    </div>
  );
}
