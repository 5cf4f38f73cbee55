import {
  tiktokPrivacyStatuses,
  type AuditStatus,
  type TikTokPrivacy,
} from "@/lib/validation/enums";
import { privacyTexts, tiktokUrls, disclosureTexts } from "./texts";

export function labelPrivacy(privacy: TikTokPrivacy): string {
  return privacyTexts.labels[privacy];
}

export type PrivacyContext = {
  auditStatus: AuditStatus;
  /** Branded content ticked with the disclosure on: TikTok refuses it on private posts. */
  isBrandedContent: boolean;
};

/** Why `privacy` cannot be chosen in this context, or null when it can. */
export function refusePrivacy(privacy: TikTokPrivacy, context: PrivacyContext): string | null {
  if (context.auditStatus === "unaudited" && privacy !== "SELF_ONLY")
    return privacyTexts.unauditedReason;
  if (context.isBrandedContent && privacy === "SELF_ONLY") return disclosureTexts.brandedNotPrivate;
  return null;
}

export type PrivacyOption = {
  value: TikTokPrivacy;
  label: string;
  isDisabled: boolean;
  /** Shown beside a disabled option. */
  reason: string | null;
};

/** The four choices in TikTok's order, with the ones this context forbids disabled and why. */
export function listPrivacyOptions(context: PrivacyContext): PrivacyOption[] {
  return tiktokPrivacyStatuses.map((value) => {
    const reason = refusePrivacy(value, context);
    return { value, label: labelPrivacy(value), isDisabled: reason !== null, reason };
  });
}

export type PrivacyWarning = { text: string; linkText: string; href: string };

/** Audit status unknown and "Everyone" chosen: TikTok may reject the post; say so, with a link. */
export function warnAboutPrivacy(
  auditStatus: AuditStatus,
  privacy: TikTokPrivacy | null | undefined,
): PrivacyWarning | null {
  if (auditStatus !== "unknown" || privacy !== "PUBLIC_TO_EVERYONE") return null;
  return {
    text: privacyTexts.unknownEveryoneWarning,
    linkText: privacyTexts.auditSettingLink,
    href: tiktokUrls.auditStatusSetting,
  };
}
