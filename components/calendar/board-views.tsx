"use client";

import dynamic from "next/dynamic";
import type { CalendarView } from "@/lib/validation/calendar";
import type { CalendarBoardProps } from "./calendar-board";

const loading = () => <p className="text-sm text-gray-600">Loading the calendar…</p>;

/**
 * One lazily loaded board per view, each with only its own FullCalendar plugin: a month visit
 * does not fetch the week's time grid or the agenda's list (about 22 kB of the 84 kB).
 * The three entries are alike on purpose: each names its plugin's import literally, which is
 * what lets the bundler give each view its own chunk.
 */
export const boardsByView: Record<CalendarView, React.ComponentType<CalendarBoardProps>> = {
  month: dynamic(
    () =>
      Promise.all([import("./calendar-board"), import("@fullcalendar/react/daygrid")]).then(
        ([m, plugin]) =>
          function MonthBoard(props: CalendarBoardProps) {
            return <m.CalendarBoard {...props} viewPlugin={plugin.default} />;
          },
      ),
    { ssr: false, loading },
  ),
  week: dynamic(
    () =>
      Promise.all([import("./calendar-board"), import("@fullcalendar/react/timegrid")]).then(
        ([m, plugin]) =>
          function WeekBoard(props: CalendarBoardProps) {
            return <m.CalendarBoard {...props} viewPlugin={plugin.default} />;
          },
      ),
    { ssr: false, loading },
  ),
  agenda: dynamic(
    () =>
      Promise.all([import("./calendar-board"), import("@fullcalendar/react/list")]).then(
        ([m, plugin]) =>
          function AgendaBoard(props: CalendarBoardProps) {
            return <m.CalendarBoard {...props} viewPlugin={plugin.default} />;
          },
      ),
    { ssr: false, loading },
  ),
};
