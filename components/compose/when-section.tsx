"use client";

import { useMemo } from "react";
import { useController, useFormContext, useWatch } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import type { ComposeProfile } from "@/lib/tiktok/compose-profile";
import { findProfilesOverDailyCap } from "@/lib/tiktok/daily-cap";
import { scheduleTexts } from "@/lib/tiktok/texts";
import { postModes } from "@/lib/validation/enums";
import type { ComposePostFormValues } from "@/lib/validation/post";
import { cn } from "@/lib/utils";
import { errorAt } from "./form-errors";
import { ScheduleFields, useViewerZone } from "./schedule-fields";
import { describeScheduledTime } from "./schedule-time";

/** §4.6: publish now, schedule in a timezone (refused in the past), or keep as a draft. */
export function WhenSection({
  profiles,
  profilePostTimes,
}: {
  profiles: ComposeProfile[];
  profilePostTimes: Record<string, string[]>;
}) {
  const { control, formState } = useFormContext<ComposePostFormValues>();
  const { field: mode } = useController({ control, name: "schedule.mode" });
  const [at, timeZone, profileIds] = useWatch({
    control,
    name: ["schedule.at", "schedule.timeZone", "profileIds"],
  });
  const viewerZone = useViewerZone();
  const modeError = errorAt(formState.errors, "schedule.mode");
  const isScheduling = mode.value === "schedule";
  const described = isScheduling ? describeScheduledTime(at, timeZone, viewerZone) : null;

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
      {isScheduling ? <ScheduleFields idPrefix="compose" /> : null}
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
