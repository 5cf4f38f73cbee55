"use client";

import type { ReactNode } from "react";
import { useController, useFormContext } from "react-hook-form";
import type { ComposePostFormValues } from "@/lib/validation/post";
import { cn } from "@/lib/utils";
import { errorAt } from "./form-errors";

export type ComposeFlag =
  | "allowComments"
  | "allowDuet"
  | "allowStitch"
  | "madeWithAi"
  | "autoAddMusic"
  | "discloseContent"
  | "yourBrand"
  | "brandedContent";

/**
 * A checkbox bound to one boolean of the composer. Controlled (not `register`), so a box disabled
 * for a reason keeps its value in the form instead of reading as undefined.
 */
export function CheckField({
  name,
  label,
  help,
  disabledReason,
  className,
}: {
  name: ComposeFlag;
  label: ReactNode;
  help?: ReactNode;
  /** Shown under the box, which is then disabled. */
  disabledReason?: string | null;
  className?: string;
}) {
  const { control, formState } = useFormContext<ComposePostFormValues>();
  const { field } = useController({ control, name });
  const { value, onChange, onBlur, ref } = field;
  const id = `compose-${name}`;
  const error = errorAt(formState.errors, name);
  const describedBy = [help && `${id}-help`, disabledReason && `${id}-reason`, `${id}-error`]
    .filter(Boolean)
    .join(" ");
  return (
    <div className={cn("flex gap-3", className)}>
      <input
        ref={ref}
        id={id}
        type="checkbox"
        name={name}
        checked={!!value}
        disabled={!!disabledReason}
        onChange={(e) => onChange(e.target.checked)}
        onBlur={onBlur}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className="mt-0.5 size-4 shrink-0 rounded border-gray-300 accent-accent-700 disabled:opacity-50"
      />
      <div className="min-w-0 text-sm">
        <label
          htmlFor={id}
          className={cn("font-medium text-gray-900", disabledReason && "text-gray-500")}
        >
          {label}
        </label>
        {help ? (
          <p id={`${id}-help`} className="text-gray-600">
            {help}
          </p>
        ) : null}
        {disabledReason ? (
          <p id={`${id}-reason`} className="text-gray-600">
            {disabledReason}
          </p>
        ) : null}
        <p id={`${id}-error`} aria-live="polite" className="text-danger-700 empty:hidden">
          {error}
        </p>
      </div>
    </div>
  );
}
