"use client";

import { Dialog } from "radix-ui";
import { useState } from "react";
import { Button, buttonVariants } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { CalendarEntry } from "@/lib/validation/calendar";
import { resolveWallClock, toWallClock } from "@/lib/validation/wall-clock";

/**
 * "Move to…": the keyboard and screen-reader way to reschedule (FullCalendar has no keyboard
 * move). Date and time are read in the calendar's zone, which the dialog names.
 */
export function MoveDialog({
  entry,
  timeZone,
  onMove,
  onClose,
}: {
  entry: CalendarEntry;
  timeZone: string;
  onMove(at: string): Promise<string | null>;
  onClose(): void;
}) {
  const start = toWallClock(new Date(entry.at), timeZone);
  const [date, setDate] = useState(start.slice(0, 10));
  const [time, setTime] = useState(start.slice(11, 16));
  const [errors, setErrors] = useState<{ date?: string; time?: string; form?: string }>({});
  const [isSaving, setIsSaving] = useState(false);

  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    const next: typeof errors = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) next.date = "Enter a date.";
    if (!/^\d{2}:\d{2}$/.test(time)) next.time = "Enter a time.";
    if (!next.date && !next.time) {
      const resolved = resolveWallClock(`${date}T${time}`, timeZone);
      if (!resolved.ok) next.time = resolved.message;
      else if (resolved.instant.getTime() <= Date.now() + 6 * 60_000)
        next.time = "Pick a time at least 6 minutes from now.";
    }
    setErrors(next);
    if (Object.keys(next).length) {
      document.getElementById(next.date ? "move-date" : "move-time")?.focus();
      return;
    }
    setIsSaving(true);
    const refusal = await onMove(`${date}T${time}`);
    setIsSaving(false);
    if (refusal) setErrors({ form: refusal });
    else onClose();
  };

  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-gray-950/40" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-6 shadow-xl">
          <Dialog.Title className="text-base font-semibold text-gray-900">
            Move post to…
          </Dialog.Title>
          <Dialog.Description className="mt-1 text-sm text-gray-600">
            {entry.caption ? `“${entry.caption.slice(0, 60)}”, ` : ""}every scheduled profile of
            this post. Times are in {timeZone}.
          </Dialog.Description>
          <form onSubmit={onSubmit} noValidate className="mt-4 space-y-4">
            {/* Date and time are two fields of one shape, each with its own id, type and error:
                spelled out so each label, input and error message pair up plainly. */}
            <div className="grid gap-4 sm:grid-cols-2">
              <div>
                <label htmlFor="move-date" className="text-sm font-medium text-gray-900">
                  Date
                </label>
                <Input
                  id="move-date"
                  type="date"
                  value={date}
                  onChange={(e) => setDate(e.target.value)}
                  aria-invalid={!!errors.date}
                  aria-describedby="move-date-error"
                />
                <p id="move-date-error" aria-live="polite" className="text-sm text-danger-700">
                  {errors.date}
                </p>
              </div>
              <div>
                <label htmlFor="move-time" className="text-sm font-medium text-gray-900">
                  Time ({timeZone})
                </label>
                <Input
                  id="move-time"
                  type="time"
                  value={time}
                  onChange={(e) => setTime(e.target.value)}
                  aria-invalid={!!errors.time}
                  aria-describedby="move-time-error"
                />
                <p id="move-time-error" aria-live="polite" className="text-sm text-danger-700">
                  {errors.time}
                </p>
              </div>
            </div>
            <p role="alert" className="text-sm text-danger-700 empty:hidden">
              {errors.form}
            </p>
            <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
              <Dialog.Close className={buttonVariants({ variant: "secondary" })}>
                Cancel
              </Dialog.Close>
              <Button type="submit" disabled={isSaving}>
                {isSaving ? "Moving…" : "Move"}
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
