"use client";

import { useRef, type Ref } from "react";
import { captionTexts, countCaptionAgainstLimit, tokenizeCaption } from "@/lib/tiktok";
import { cn } from "@/lib/utils";

export type CaptionFieldProps = {
  id: string;
  value: string;
  onChange(value: string): void;
  onBlur?(): void;
  name?: string;
  error?: string;
  /** Ids of further descriptions (a hint elsewhere in the form). */
  describedBy?: string;
  disabled?: boolean;
  /** react-hook-form's Controller `field.ref`, so a failed submit can focus the caption. */
  ref?: Ref<HTMLTextAreaElement>;
};

// The textarea and its mirror must lay text out identically: same font, padding, wrapping.
const layout =
  "min-h-40 w-full overflow-y-auto rounded-md border px-3 py-2 text-sm leading-6 break-words whitespace-pre-wrap [scrollbar-gutter:stable]";

/**
 * The caption: a textarea over a mirrored layer that highlights #hashtags and @mentions, and a
 * live counter in UTF-16 code units as TikTok counts them ("1,234 / 2,200").
 */
export function CaptionField({ ref, ...props }: CaptionFieldProps) {
  const { id, value, error } = props;
  const mirror = useRef<HTMLDivElement>(null);
  const counter = countCaptionAgainstLimit(value);
  const counterId = `${id}-counter`;
  const errorId = `${id}-error`;
  const describedBy = [counterId, errorId, props.describedBy].filter(Boolean).join(" ");

  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-gray-900">
        {captionTexts.label}
      </label>
      <div className="relative">
        <div
          ref={mirror}
          aria-hidden
          className={cn(
            layout,
            "pointer-events-none absolute inset-0 overflow-hidden border-transparent bg-white text-transparent",
          )}
        >
          {tokenizeCaption(value).map((t, i) =>
            t.kind === "text" ? (
              <span key={i}>{t.text}</span>
            ) : (
              <mark
                key={i}
                data-token={t.kind}
                className={cn(
                  "rounded-sm text-transparent",
                  t.kind === "hashtag" ? "bg-accent-100" : "bg-brand-100",
                )}
              >
                {t.text}
              </mark>
            ),
          )}
          {/* A trailing newline needs a character after it to take up its line. */}
          {value.endsWith("\n") ? " " : null}
        </div>
        <textarea
          ref={ref}
          id={id}
          name={props.name ?? id}
          value={value}
          disabled={props.disabled}
          rows={6}
          onChange={(e) => props.onChange(e.target.value)}
          onBlur={props.onBlur}
          onScroll={(e) => {
            if (mirror.current) mirror.current.scrollTop = e.currentTarget.scrollTop;
          }}
          aria-invalid={!!error || counter.isOver}
          aria-describedby={describedBy}
          placeholder="Write a caption — #hashtags and @mentions are highlighted"
          className={cn(
            layout,
            "relative block field-sizing-content resize-none bg-transparent text-gray-900 placeholder:text-gray-400 disabled:opacity-60",
            error || counter.isOver ? "border-danger-600" : "border-gray-300",
          )}
        />
      </div>
      <div className="flex items-start justify-between gap-3">
        <div id={errorId} aria-live="polite" className="text-sm text-danger-700 empty:hidden">
          {error ? <p>{error}</p> : null}
        </div>
        <p
          id={counterId}
          aria-live="polite"
          aria-label={`${counter.text} characters`}
          className={cn(
            "ml-auto shrink-0 text-xs tabular-nums",
            counter.isOver ? "font-semibold text-danger-700" : "text-gray-500",
          )}
        >
          {counter.text}
        </p>
      </div>
    </div>
  );
}
