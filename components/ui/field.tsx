import type { ComponentProps, ReactNode } from "react";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/utils";

/** Label, control, hint and the field's errors wired with aria-describedby to an aria-live region. */
export function Field({
  id,
  label,
  hint,
  errors,
  children,
  className,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={cn("space-y-1.5", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-gray-900">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-gray-500">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}

export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  return (
    <div id={id} aria-live="polite" className="text-sm text-danger-700 empty:hidden">
      {errors?.map((e) => (
        <p key={e}>{e}</p>
      ))}
    </div>
  );
}

export function describedBy(id: string, hasHint = false) {
  return hasHint ? `${id}-hint ${id}-error` : `${id}-error`;
}

/** A labelled text input with its hint and errors wired up; `id` defaults to `name`. */
export function TextField({
  id,
  name,
  label,
  hint,
  errors,
  ...inputProps
}: Omit<ComponentProps<typeof Input>, "name"> & {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
}) {
  const inputId = id ?? name;
  return (
    <Field id={inputId} label={label} hint={hint} errors={errors}>
      <Input
        id={inputId}
        name={name}
        aria-invalid={!!errors?.length}
        aria-describedby={describedBy(inputId, !!hint)}
        {...inputProps}
      />
    </Field>
  );
}

/** The `email` field of the auth and account forms: typed and autocompleted as an email. */
export function EmailField({
  label = "Email",
  ...props
}: Omit<ComponentProps<typeof TextField>, "name" | "label" | "type" | "autoComplete"> & {
  label?: ReactNode;
}) {
  return <TextField name="email" label={label} type="email" autoComplete="email" {...props} />;
}
