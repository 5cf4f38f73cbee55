"use client";

import { ChevronsUpDown } from "lucide-react";
import { useState } from "react";
import { useOnDemand } from "@/components/shell/use-on-demand";
import type { TimezonePickerProps } from "./timezone-picker";

const loadPicker = () => import("./timezone-picker").then((m) => m.TimezonePicker);

/**
 * The timezone picker with its zone list (a third of Settings' JavaScript) loaded on the first sign
 * of use: hover, focus or press. Until then the field shows the zone and holds it in the form.
 */
export function LazyTimezonePicker(props: TimezonePickerProps) {
  const [Picker, request] = useOnDemand(loadPicker);
  const [intent, setIntent] = useState({ open: false, focus: false });
  if (Picker) return <Picker {...props} defaultOpen={intent.open} autoFocus={intent.focus} />;
  return (
    <div className="space-y-1.5">
      <input type="hidden" name={props.name} value={props.defaultValue} />
      <button
        id={props.id}
        type="button"
        role="combobox"
        aria-expanded={false}
        aria-controls={`${props.id}-zones`}
        aria-invalid={props.invalid}
        aria-describedby={props.describedBy}
        onPointerEnter={request}
        onFocus={() => {
          setIntent((i) => ({ ...i, focus: true }));
          request();
        }}
        onBlur={() => setIntent((i) => ({ ...i, focus: false }))}
        onClick={() => {
          setIntent({ open: true, focus: true });
          request();
        }}
        className="flex min-h-10 w-full items-center justify-between gap-2 rounded-md border border-gray-300 bg-white px-3 py-1.5 text-left text-sm aria-invalid:border-danger-600"
      >
        <span className="block min-w-0 truncate font-medium text-gray-900">
          {props.defaultValue || "Choose a timezone"}
        </span>
        <ChevronsUpDown className="size-4 shrink-0 text-gray-500" aria-hidden />
      </button>
    </div>
  );
}
