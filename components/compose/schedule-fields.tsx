"use client";

import dynamic from "next/dynamic";
import { useMemo, useSyncExternalStore } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { Input } from "@/components/ui/input";
import { viewerTimeZone } from "@/lib/format/date";
import type { ComposePostFormValues } from "@/lib/validation/post";
import { errorAt } from "./form-errors";
import { describeScheduledTime, toLocalInputValue } from "./schedule-time";

// The zone list is large; it loads only once the fields show.
const TimezonePicker = dynamic(
  () => import("@/components/settings/timezone-picker").then((m) => m.TimezonePicker),
  { ssr: false, loading: () => <div className="h-10 rounded-md border border-gray-200" /> },
);

const noSubscribe = () => () => {};

/** The viewer's own zone, null on the server and in the first render (so hydration matches). */
export function useViewerZone() {
  return useSyncExternalStore(noSubscribe, viewerTimeZone, () => null);
}

/**
 * Date and time plus timezone of `schedule`, for the composer and the edit form alike: the hint
 * says the instant in UTC (and where the viewer is), the minimum is now in the chosen zone.
 */
export function ScheduleFields({ idPrefix }: { idPrefix: string }) {
  const { control, formState, setValue, trigger } = useFormContext<ComposePostFormValues>();
  const [at, timeZone] = useWatch({ control, name: ["schedule.at", "schedule.timeZone"] });
  const viewerZone = useViewerZone();
  const described = describeScheduledTime(at, timeZone, viewerZone);
  const atError = errorAt(formState.errors, "schedule.at");
  const zoneError = errorAt(formState.errors, "schedule.timeZone");
  const minAt = useMemo(
    () => (timeZone && viewerZone ? toLocalInputValue(new Date(), timeZone) : undefined),
    [timeZone, viewerZone],
  );
  const atId = `${idPrefix}-schedule-at`;
  const zoneId = `${idPrefix}-schedule-zone`;
  return (
    // Grid cells shrink below their content's width (a datetime field, a long zone name), so the
    // phone layout never scrolls sideways.
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
      <div className="min-w-0 space-y-1.5">
        <label htmlFor={atId} className="block text-sm font-medium text-gray-900">
          Date and time
        </label>
        <Input
          id={atId}
          type="datetime-local"
          className="w-full min-w-0"
          value={at ?? ""}
          min={minAt}
          onChange={(e) => {
            setValue("schedule.at", e.target.value, { shouldDirty: true });
            if (e.target.value) void trigger("schedule.at");
          }}
          aria-invalid={atError ? true : undefined}
          aria-describedby={`${atId}-hint ${atId}-error`}
        />
        <p id={`${atId}-hint`} className="text-xs text-gray-600" aria-live="polite">
          {described
            ? `That is ${described.utc}${described.viewer ? ` · ${described.viewer} where you are` : ""}.`
            : "In the timezone on the right."}
        </p>
        <p id={`${atId}-error`} aria-live="polite" className="text-sm text-danger-700 empty:hidden">
          {atError}
        </p>
      </div>
      <div className="min-w-0 space-y-1.5">
        <label htmlFor={zoneId} className="block text-sm font-medium text-gray-900">
          Timezone
        </label>
        <TimezonePicker
          id={zoneId}
          name="schedule.timeZone"
          defaultValue={timeZone ?? "UTC"}
          invalid={!!zoneError}
          describedBy={`${zoneId}-error`}
          onChange={(zone) => {
            setValue("schedule.timeZone", zone, { shouldDirty: true });
            if (at) void trigger("schedule.at");
          }}
        />
        <p
          id={`${zoneId}-error`}
          aria-live="polite"
          className="text-sm text-danger-700 empty:hidden"
        >
          {zoneError}
        </p>
      </div>
    </div>
  );
}
