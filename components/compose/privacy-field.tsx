"use client";

import Link from "next/link";
import { useController, useFormContext, useWatch } from "react-hook-form";
import { settingsLinks } from "@/components/settings/links";
import { Alert } from "@/components/ui/alert";
import { readDisclosure } from "@/lib/tiktok/disclosure";
import { listPrivacyOptions, warnAboutPrivacy } from "@/lib/tiktok/privacy";
import { privacyTexts } from "@/lib/tiktok/texts";
import type { AuditStatus } from "@/lib/validation/enums";
import type { ComposePostFormValues } from "@/lib/validation/post";
import { cn } from "@/lib/utils";
import { errorAt } from "./form-errors";

/**
 * TikTok's privacy choice: four plain-language options and no default (the user must choose).
 * Options this workspace or the disclosure forbid are disabled, each pointing at its reason.
 */
export function PrivacyField({ auditStatus }: { auditStatus: AuditStatus }) {
  const { control, formState } = useFormContext<ComposePostFormValues>();
  const { field } = useController({ control, name: "privacy" });
  const [discloseContent, yourBrand, brandedContent] = useWatch({
    control,
    name: ["discloseContent", "yourBrand", "brandedContent"],
  });
  const { isBranded } = readDisclosure({
    discloseContent: !!discloseContent,
    yourBrand: !!yourBrand,
    brandedContent: !!brandedContent,
  });
  const options = listPrivacyOptions({ auditStatus, isBrandedContent: isBranded });
  const reasons = [...new Set(options.flatMap((o) => (o.reason ? [o.reason] : [])))];
  const reasonId = (reason: string) => `compose-privacy-reason-${reasons.indexOf(reason)}`;
  const warning = warnAboutPrivacy(auditStatus, field.value);
  const error = errorAt(formState.errors, "privacy");
  const firstEnabled = options.find((o) => !o.isDisabled)?.value;

  return (
    <fieldset aria-describedby="compose-privacy-error" className="space-y-2">
      <legend className="text-sm font-medium text-gray-900">{privacyTexts.legend}</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {options.map((option) => {
          const id = `compose-privacy-${option.value}`;
          const isChecked = field.value === option.value;
          return (
            <label
              key={option.value}
              htmlFor={id}
              className={cn(
                "flex items-center gap-2 rounded-md border px-3 py-2 text-sm",
                isChecked ? "border-accent-700 bg-accent-50" : "border-gray-300 bg-white",
                option.isDisabled ? "cursor-not-allowed text-gray-500" : "cursor-pointer",
              )}
            >
              <input
                ref={option.value === firstEnabled ? field.ref : undefined}
                id={id}
                type="radio"
                name="privacy"
                value={option.value}
                checked={isChecked}
                disabled={option.isDisabled}
                onChange={() => field.onChange(option.value)}
                onBlur={field.onBlur}
                aria-invalid={error && !option.isDisabled ? true : undefined}
                aria-describedby={option.reason ? reasonId(option.reason) : undefined}
                className="size-4 accent-accent-700"
              />
              <span className="font-medium">{option.label}</span>
            </label>
          );
        })}
      </div>
      {reasons.map((reason) => (
        <p key={reason} id={reasonId(reason)} className="text-sm text-gray-600">
          {reason}
        </p>
      ))}
      <p
        id="compose-privacy-error"
        aria-live="polite"
        className="text-sm text-danger-700 empty:hidden"
      >
        {error}
      </p>
      {warning ? (
        <Alert tone="warning">
          {warning.text}{" "}
          <Link href={settingsLinks.auditStatus} className="font-medium underline">
            {warning.linkText}
          </Link>
        </Alert>
      ) : null}
    </fieldset>
  );
}
