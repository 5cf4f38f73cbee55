"use client";

import dynamic from "next/dynamic";
import { useMemo, useSyncExternalStore } from "react";
import { useController, useFormContext, useWatch } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Input } from "@/components/ui/input";
import { viewerTimeZone } from "@/lib/format/date";
import type { ComposeProfile } from "@/lib/tiktok/compose-profile";
import { findProfilesOverDailyCap } from "@/lib/tiktok/daily-cap";
import { scheduleTexts } from "@/lib/tiktok/texts";
import { postModes } from "@/lib/validation/enums";
import type { ComposePostFormValues } from "@/lib/validation/post";
import { cn } from "@/lib/utils";
import { errorAt } from "./form-errors";
import { describeScheduledTime, toLocalInputValue } from "./schedule-time";

// The zone list is large; it loads only once the user picks Schedule.
const TimezonePicker = dynamic(
  () => import("@/components/settings/timezone-picker").then((m) => m.TimezonePicker),
  { ssr: false, loading: () => <div className="h-10 rounded-md border border-gray-200" /> },
);

const noSubscribe = () => () => {};

/** §4.6: publish now, schedule in a timezone (refused in the past), or keep as a draft. */
export function WhenSection({
  profiles,
  profilePostTimes,
}: {
  profiles: ComposeProfile[];
  profilePostTimes: Record<string, string[]>;
}) {
  const { control, formState, setValue, trigger } = useFormContext<ComposePostFormValues>();
  const { field: mode } = useController({ control, name: "schedule.mode" });
  const [at, timeZone, profileIds] = useWatch({
    control,
    name: ["schedule.at", "schedule.timeZone", "profileIds"],
  });
  const viewerZone = useSyncExternalStore(noSubscribe, viewerTimeZone, () => null);
  const atError = errorAt(formState.errors, "schedule.at");
  const zoneError = errorAt(formState.errors, "schedule.timeZone");
  const modeError = errorAt(formState.errors, "schedule.mode");
  const isScheduling = mode.value === "schedule";
  const described = isScheduling ? describeScheduledTime(at, timeZone, viewerZone) : null;
  const minAt = useMemo(
    () => (timeZone && viewerZone ? toLocalInputValue(new Date(), timeZone) : undefined),
    [timeZone, viewerZone],
  );

  const overCap = useMemo(() => {
    const when = mode.value === "now" ? new Date() : described?.instant;
    if (!when || mode.value === "draft") return [];
    const chosen = new Set(profileIds ?? []);
    const times = Object.fromEntries(
      Object.entries(profilePostTimes)
        .filter(([id]) => chosen.has(id))
        .map(([id, list]) => [id, list.map((t) => new Date(t))]),
    );
    for (const id of chosen) times[id] ??= [];
    return findProfilesOverDailyCap(times, when);
  }, [mode.value, described?.instant, profileIds, profilePostTimes]);

  return (
    <div className="space-y-4">
      <fieldset aria-describedby="compose-mode-error">
        <legend className="sr-only">When to post</legend>
        <div className="grid gap-2 sm:grid-cols-3">
          {postModes.map((value) => (
            <label
              key={value}
              className={cn(
                "flex cursor-pointer items-center gap-2 rounded-md border px-3 py-2 text-sm font-medium",
                mode.value === value ? "border-accent-700 bg-accent-50" : "border-gray-300",
              )}
            >
              <input
                ref={value === "now" ? mode.ref : undefined}
                type="radio"
                name="schedule.mode"
                value={value}
                checked={mode.value === value}
                onChange={() => mode.onChange(value)}
                className="size-4 accent-accent-700"
              />
              {scheduleTexts.modes[value]}
            </label>
          ))}
        </div>
        <p
          id="compose-mode-error"
          aria-live="polite"
          className="text-sm text-danger-700 empty:hidden"
        >
          {modeError}
        </p>
      </fieldset>
      {isScheduling ? (
        // Grid cells shrink below their content's width (a datetime field, a long zone name), so
        // the phone layout never scrolls sideways.
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <div className="min-w-0 space-y-1.5">
            <label
              htmlFor="compose-schedule-at"
              className="block text-sm font-medium text-gray-900"
            >
              Date and time
            </label>
            <Input
              id="compose-schedule-at"
              type="datetime-local"
              className="w-full min-w-0"
              value={at ?? ""}
              min={minAt}
              onChange={(e) => {
                setValue("schedule.at", e.target.value, { shouldDirty: true });
                if (e.target.value) void trigger("schedule.at");
              }}
              aria-invalid={atError ? true : undefined}
              aria-describedby="compose-schedule-at-hint compose-schedule-at-error"
            />
            <p id="compose-schedule-at-hint" className="text-xs text-gray-600" aria-live="polite">
              {described
                ? `That is ${described.utc}${described.viewer ? ` · ${described.viewer} where you are` : ""}.`
                : "In the timezone on the right."}
            </p>
            <p
              id="compose-schedule-at-error"
              aria-live="polite"
              className="text-sm text-danger-700 empty:hidden"
            >
              {atError}
            </p>
          </div>
          <div className="min-w-0 space-y-1.5">
            <label
              htmlFor="compose-schedule-zone"
              className="block text-sm font-medium text-gray-900"
            >
              Timezone
            </label>
            <TimezonePicker
              id="compose-schedule-zone"
              name="schedule.timeZone"
              defaultValue={timeZone ?? "UTC"}
              invalid={!!zoneError}
              describedBy="compose-schedule-zone-error"
              onChange={(zone) => {
                setValue("schedule.timeZone", zone, { shouldDirty: true });
                if (at) void trigger("schedule.at");
              }}
            />
            <p
              id="compose-schedule-zone-error"
              aria-live="polite"
              className="text-sm text-danger-700 empty:hidden"
            >
              {zoneError}
            </p>
          </div>
        </div>
      ) : null}
      {overCap.map(({ profileId, count }) => (
        <Alert key={profileId} tone="warning">
          {scheduleTexts.dailyCapWarning(
            profiles.find((p) => p.id === profileId)?.name ?? profileId,
            count,
          )}
        </Alert>
      ))}
    </div>
  );
}
