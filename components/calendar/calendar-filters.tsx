"use client";

import type { CalendarQuery, CalendarStatus } from "@/lib/validation/calendar";
import { calendarStatuses } from "@/lib/validation/calendar";
import { lookOf } from "./entry-content";

type Option = { value: string; label: string };

function MultiFilter({
  legend,
  options,
  chosen,
  onChange,
}: {
  legend: string;
  options: Option[];
  chosen: string[];
  onChange(values: string[]): void;
}) {
  // Its checkbox rows look like the settings form's; a shared row would tie a URL filter to a
  // saved setting's form state.
  const summary = chosen.length ? `${legend} (${chosen.length})` : `${legend}: all`;
  return (
    <details className="relative">
      <summary className="flex h-9 cursor-pointer items-center rounded-md border border-gray-300 bg-white px-3 text-sm">
        {summary}
      </summary>
      <fieldset className="absolute z-20 mt-1 max-h-72 w-64 max-w-[calc(100vw-2rem)] overflow-auto rounded-md border border-gray-200 bg-white p-2 shadow-lg">
        <legend className="sr-only">{legend}</legend>
        {options.map((o) => (
          <label
            key={o.value}
            className="flex items-center gap-2 rounded px-2 py-1.5 text-sm hover:bg-gray-50"
          >
            <input
              type="checkbox"
              checked={chosen.includes(o.value)}
              onChange={(e) =>
                onChange(
                  e.target.checked ? [...chosen, o.value] : chosen.filter((v) => v !== o.value),
                )
              }
            />
            {o.label}
          </label>
        ))}
        {chosen.length > 0 && (
          <button
            type="button"
            className="mt-1 px-2 text-sm text-accent-700 underline"
            onClick={() => onChange([])}
          >
            Show all
          </button>
        )}
      </fieldset>
    </details>
  );
}

/** Profile and status filters (several at once), kept in the URL by the board. */
export function CalendarFilters({
  query,
  profiles,
  onChange,
}: {
  query: CalendarQuery;
  profiles: { profileId: string; profileName: string }[];
  onChange(next: Pick<CalendarQuery, "profiles" | "statuses">): void;
}) {
  return (
    <div className="flex flex-wrap gap-2">
      <MultiFilter
        legend="Profiles"
        options={profiles.map((p) => ({ value: p.profileId, label: p.profileName }))}
        chosen={query.profiles}
        onChange={(values) => onChange({ profiles: values, statuses: query.statuses })}
      />
      <MultiFilter
        legend="Statuses"
        options={calendarStatuses
          .filter((s) => s !== "pending")
          .map((s) => ({ value: s, label: lookOf(s as CalendarStatus).label }))}
        chosen={query.statuses}
        onChange={(values) =>
          onChange({ profiles: query.profiles, statuses: values as CalendarStatus[] })
        }
      />
    </div>
  );
}
