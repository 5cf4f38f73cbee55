"use client";

import { Fragment } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { consentLine } from "@/lib/tiktok/disclosure";
import type { ComposePostFormValues } from "@/lib/validation/post";

/** Always above the buttons; names the Branded Content Policy too while Branded content is on. */
export function ConsentLine() {
  const { control } = useFormContext<ComposePostFormValues>();
  const [discloseContent, yourBrand, brandedContent] = useWatch({
    control,
    name: ["discloseContent", "yourBrand", "brandedContent"],
  });
  const parts = consentLine({
    discloseContent: !!discloseContent,
    yourBrand: !!yourBrand,
    brandedContent: !!brandedContent,
  });
  return (
    <p className="text-sm text-gray-700" data-testid="consent-line">
      {parts.map((part, i) =>
        typeof part === "string" ? (
          <Fragment key={i}>{part}</Fragment>
        ) : (
          <a
            key={part.href}
            href={part.href}
            target="_blank"
            rel="noopener noreferrer"
            className="font-medium text-accent-700 underline underline-offset-2"
          >
            {part.text}
          </a>
        ),
      )}
    </p>
  );
}
