"use client";

import { Command } from "cmdk";
import { Check, ChevronsUpDown } from "lucide-react";
import { Popover } from "radix-ui";
import { useEffect, useMemo, useRef, useState } from "react";
import {
  findTimeZoneOption,
  listTimeZoneOptions,
  searchTimeZones,
} from "@/lib/validation/timezones";
import { cn } from "@/lib/utils";

export type TimezonePickerProps = {
  id: string;
  name: string;
  defaultValue: string;
  invalid?: boolean;
  describedBy?: string;
  onChange?: (zone: string) => void;
  /** Opened, or focused, at once: the lazy field was pressed or focused while this loaded. */
  defaultOpen?: boolean;
  autoFocus?: boolean;
};

/** Searchable IANA list; the chosen zone travels in a hidden input named like the schema key. */
export function TimezonePicker({
  id,
  name,
  defaultValue,
  invalid,
  describedBy,
  onChange,
  defaultOpen = false,
  autoFocus = false,
}: TimezonePickerProps) {
  const options = useMemo(() => listTimeZoneOptions(), []);
  const [value, setValue] = useState(
    () => findTimeZoneOption(options, defaultValue)?.name ?? defaultValue,
  );
  const hiddenRef = useRef<HTMLInputElement>(null);
  const isFirstValue = useRef(true);
  const [open, setOpen] = useState(defaultOpen);
  const [query, setQuery] = useState("");
  const results = useMemo(() => searchTimeZones(options, query), [options, query]);
  const selected = findTimeZoneOption(options, value);
  const browserZone = useMemo(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return findTimeZoneOption(options, zone)?.name ?? zone;
  }, [options]);

  // A hidden input fires no events of its own; tell the form (unsaved-changes tracking) it changed.
  useEffect(() => {
    if (isFirstValue.current) {
      isFirstValue.current = false;
      return;
    }
    hiddenRef.current?.dispatchEvent(new Event("change", { bubbles: true }));
  }, [value]);

  function choose(zone: string) {
    setValue(zone);
    setOpen(false);
    setQuery("");
    onChange?.(zone);
  }

  return (
    <div className="space-y-1.5">
      <input ref={hiddenRef} type="hidden" name={name} value={value} />
      <Popover.Root open={open} onOpenChange={setOpen}>
        <Popover.Trigger
          id={id}
          type="button"
          role="combobox"
          autoFocus={autoFocus}
          aria-expanded={open}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          className="flex min-h-10 w-full items-center justify-between gap-2 rounded-md border border-gray-300 bg-white px-3 py-1.5 text-left text-sm aria-invalid:border-danger-600"
        >
          <span className="min-w-0">
            <span className="block truncate font-medium text-gray-900">
              {value || "Choose a timezone"}
            </span>
            {selected ? (
              <span className="block truncate text-xs text-gray-600">
                {selected.offset} · {selected.description}
              </span>
            ) : null}
          </span>
          <ChevronsUpDown className="size-4 shrink-0 text-gray-500" aria-hidden />
        </Popover.Trigger>
        <Popover.Portal>
          <Popover.Content
            aria-label="Timezones"
            align="start"
            sideOffset={4}
            className="z-50 w-(--radix-popover-trigger-width) min-w-72 rounded-md border border-gray-200 bg-white shadow-lg"
          >
            <Command label="Timezones" shouldFilter={false}>
              <Command.Input
                value={query}
                onValueChange={setQuery}
                placeholder="Search by city, country or zone, e.g. Kyiv"
                className="h-10 w-full border-b border-gray-100 px-3 text-sm outline-none"
              />
              <Command.List className="max-h-64 overflow-y-auto p-1">
                <Command.Empty className="px-3 py-2 text-sm text-gray-600">
                  No timezone matches. Try a city name.
                </Command.Empty>
                {results.map((zone) => (
                  <Command.Item
                    key={zone.name}
                    value={zone.name}
                    onSelect={() => choose(zone.name)}
                    className="flex cursor-pointer items-center justify-between gap-3 rounded px-2 py-1.5 text-sm data-[selected=true]:bg-gray-100"
                  >
                    <span className="min-w-0">
                      <span className="block truncate text-gray-900">{zone.name}</span>
                      <span className="block truncate text-xs text-gray-600">
                        {zone.description}
                      </span>
                    </span>
                    <span className="flex shrink-0 items-center gap-2 text-xs text-gray-600">
                      {zone.offset}
                      <Check
                        className={cn(
                          "size-4 text-accent-700",
                          zone.name === value ? "opacity-100" : "opacity-0",
                        )}
                        aria-hidden
                      />
                    </span>
                  </Command.Item>
                ))}
              </Command.List>
            </Command>
          </Popover.Content>
        </Popover.Portal>
      </Popover.Root>
      {browserZone && browserZone !== value ? (
        <button
          type="button"
          onClick={() => choose(browserZone)}
          className="text-xs font-medium text-accent-700 underline-offset-2 hover:underline"
        >
          Use my browser&apos;s timezone ({browserZone})
        </button>
      ) : null}
    </div>
  );
}
