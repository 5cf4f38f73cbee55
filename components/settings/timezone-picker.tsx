"use client";

import { Command } from "cmdk";
import { Check, ChevronsUpDown } from "lucide-react";
import { Popover } from "radix-ui";
import { useMemo, useState } from "react";
import { listTimeZones } from "@/lib/validation/timezones";
import { cn } from "@/lib/utils";

function offsetLabel(zone: string) {
  try {
    const part = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "shortOffset" })
      .formatToParts(new Date())
      .find((p) => p.type === "timeZoneName");
    return part?.value ?? "";
  } catch {
    return "";
  }
}

/** Searchable IANA list; the chosen zone travels in a hidden input named like the schema key. */
export function TimezonePicker({
  id,
  name,
  defaultValue,
  invalid,
  describedBy,
}: {
  id: string;
  name: string;
  defaultValue: string;
  invalid?: boolean;
  describedBy?: string;
}) {
  const [value, setValue] = useState(defaultValue);
  const [open, setOpen] = useState(false);
  const zones = useMemo(
    () => listTimeZones().map((z) => ({ zone: z, offset: offsetLabel(z) })),
    [],
  );
  const browserZone = useMemo(() => Intl.DateTimeFormat().resolvedOptions().timeZone, []);

  return (
    <div className="space-y-1.5">
      <input type="hidden" name={name} value={value} />
      <Popover.Root open={open} onOpenChange={setOpen}>
        <Popover.Trigger
          id={id}
          type="button"
          role="combobox"
          aria-expanded={open}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          className="flex h-10 w-full items-center justify-between rounded-md border border-gray-300 bg-white px-3 text-left text-sm aria-invalid:border-red-500"
        >
          <span>{value || "Choose a timezone"}</span>
          <ChevronsUpDown className="size-4 text-gray-400" aria-hidden />
        </Popover.Trigger>
        <Popover.Portal>
          <Popover.Content
            align="start"
            sideOffset={4}
            className="z-50 w-(--radix-popover-trigger-width) rounded-md border border-gray-200 bg-white shadow-lg"
          >
            <Command label="Timezones">
              <Command.Input
                placeholder="Search timezones, e.g. Paris"
                className="h-10 w-full border-b border-gray-100 px-3 text-sm outline-none"
              />
              <Command.List className="max-h-64 overflow-y-auto p-1">
                <Command.Empty className="px-3 py-2 text-sm text-gray-500">
                  No timezone matches.
                </Command.Empty>
                {zones.map(({ zone, offset }) => (
                  <Command.Item
                    key={zone}
                    value={zone}
                    keywords={[zone.replaceAll("_", " "), offset]}
                    onSelect={() => {
                      setValue(zone);
                      setOpen(false);
                    }}
                    className="flex cursor-pointer items-center justify-between rounded px-2 py-1.5 text-sm data-[selected=true]:bg-gray-100"
                  >
                    <span>{zone.replaceAll("_", " ")}</span>
                    <span className="flex items-center gap-2 text-xs text-gray-500">
                      {offset}
                      <Check
                        className={cn(
                          "size-4 text-brand-600",
                          zone === value ? "opacity-100" : "opacity-0",
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
          onClick={() => setValue(browserZone)}
          className="text-xs font-medium text-brand-600 hover:underline"
        >
          Use my browser&apos;s timezone ({browserZone})
        </button>
      ) : null}
    </div>
  );
}
