import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

/** One titled block of the composer; `invalid` lets focusFirstInvalid land on it after a submit. */
export function FormSection({
  id,
  title,
  description,
  invalid,
  hideTitle,
  children,
  className,
}: {
  id: string;
  title: string;
  /** When the field's own label says the same (the caption). */
  hideTitle?: boolean;
  description?: ReactNode;
  invalid?: boolean;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section
      id={id}
      aria-labelledby={`${id}-title`}
      tabIndex={-1}
      data-invalid={invalid ? "true" : undefined}
      className={cn(
        "scroll-mt-24 rounded-lg border border-gray-200 bg-white p-4 shadow-xs outline-none focus-visible:ring-2 focus-visible:ring-accent-200 sm:p-5",
        invalid && "border-danger-300",
        className,
      )}
    >
      <h2
        id={`${id}-title`}
        className={cn("text-base font-semibold text-gray-900", hideTitle && "sr-only")}
      >
        {title}
      </h2>
      {description ? <p className="mt-0.5 text-sm text-gray-600">{description}</p> : null}
      <div className={hideTitle ? undefined : "mt-4"}>{children}</div>
    </section>
  );
}
