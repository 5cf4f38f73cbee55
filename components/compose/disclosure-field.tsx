"use client";

import { useFormContext, useWatch } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { blockDisclosure, labelDisclosure, refuseBrandedContent } from "@/lib/tiktok/disclosure";
import { disclosureTexts } from "@/lib/tiktok/texts";
import type { AuditStatus } from "@/lib/validation/enums";
import type { ComposePostFormValues } from "@/lib/validation/post";
import { CheckField } from "./check-field";

export const disclosureBlockerId = "compose-disclosure-blocker";

/** The commercial content disclosure: off by default, revealing Your brand and Branded content. */
export function DisclosureField({ auditStatus }: { auditStatus: AuditStatus }) {
  const { control } = useFormContext<ComposePostFormValues>();
  const [discloseContent, yourBrand, brandedContent, privacy] = useWatch({
    control,
    name: ["discloseContent", "yourBrand", "brandedContent", "privacy"],
  });
  const disclosure = {
    discloseContent: !!discloseContent,
    yourBrand: !!yourBrand,
    brandedContent: !!brandedContent,
  };
  const blocker = blockDisclosure(disclosure);
  const label = labelDisclosure(disclosure);

  return (
    <div className="space-y-3">
      <CheckField
        name="discloseContent"
        label={disclosureTexts.toggle}
        help={disclosureTexts.toggleHelp}
      />
      {discloseContent ? (
        <div className="space-y-3 border-l-2 border-gray-200 pl-4 sm:ml-2">
          <CheckField
            name="yourBrand"
            label={disclosureTexts.yourBrand}
            help={disclosureTexts.yourBrandHelp}
          />
          <CheckField
            name="brandedContent"
            label={disclosureTexts.brandedContent}
            help={disclosureTexts.brandedContentHelp}
            disabledReason={brandedContent ? null : refuseBrandedContent(privacy, auditStatus)}
          />
          {blocker ? (
            <Alert tone="warning" id={disclosureBlockerId}>
              {blocker}
            </Alert>
          ) : null}
          {label ? (
            <Alert tone="info">
              <span data-testid="disclosure-label">{label}</span>
            </Alert>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
