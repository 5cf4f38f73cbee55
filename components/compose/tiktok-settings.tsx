"use client";

import { interactionTexts } from "@/lib/tiktok/texts";
import type { TikTokFormat } from "@/lib/tiktok/media-rules";
import type { AuditStatus } from "@/lib/validation/enums";
import { CheckField } from "./check-field";
import { DisclosureField } from "./disclosure-field";
import { PrivacyField } from "./privacy-field";

/**
 * §4.4: privacy, the interactions of the post's format (video is the default until media say
 * otherwise), and the disclosure. The photo cover is picked on the media cards.
 */
export function TikTokSettingsSection({
  auditStatus,
  format,
}: {
  auditStatus: AuditStatus;
  format: TikTokFormat | null;
}) {
  const isPhoto = format === "image";
  return (
    <div className="space-y-6">
      <PrivacyField auditStatus={auditStatus} />
      <fieldset className="space-y-3">
        <legend className="mb-2 text-sm font-medium text-gray-900">
          {interactionTexts.legend}
        </legend>
        <CheckField name="allowComments" label={interactionTexts.allowComments} />
        {isPhoto ? null : (
          <>
            <CheckField name="allowDuet" label={interactionTexts.allowDuet} />
            <CheckField name="allowStitch" label={interactionTexts.allowStitch} />
          </>
        )}
      </fieldset>
      {isPhoto ? (
        <CheckField name="autoAddMusic" label={interactionTexts.autoAddMusic} />
      ) : (
        <CheckField
          name="madeWithAi"
          label={interactionTexts.madeWithAi}
          help={interactionTexts.madeWithAiHelp}
        />
      )}
      <DisclosureField auditStatus={auditStatus} />
    </div>
  );
}
