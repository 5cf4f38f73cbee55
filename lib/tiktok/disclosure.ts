import type { AuditStatus, TikTokPrivacy } from "@/lib/validation/enums";
import { consentTexts, disclosureTexts, type ConsentPart } from "./texts";

/** The commercial content disclosure: a toggle revealing two boxes that may both be ticked. */
export type Disclosure = {
  discloseContent: boolean;
  yourBrand: boolean;
  brandedContent: boolean;
};

/** The boxes count only while the toggle is on (hidden boxes keep their ticks but send nothing). */
export function readDisclosure(d: Disclosure): { isYourBrand: boolean; isBranded: boolean } {
  return {
    isYourBrand: d.discloseContent && d.yourBrand,
    isBranded: d.discloseContent && d.brandedContent,
  };
}

/** Toggle on and nothing ticked: Publish/Schedule stay disabled with this text. */
export function blockDisclosure(d: Disclosure): string | null {
  return d.discloseContent && !d.yourBrand && !d.brandedContent
    ? disclosureTexts.nothingTicked
    : null;
}

/** The label TikTok will put on the post, or null when nothing is disclosed. */
export function labelDisclosure(d: Disclosure): string | null {
  const { isYourBrand, isBranded } = readDisclosure(d);
  if (isBranded) return disclosureTexts.paidPartnershipLabel;
  if (isYourBrand) return disclosureTexts.promotionalLabel;
  return null;
}

/** Why Branded content cannot be ticked now: "Only me" chosen, or an app that may only post privately. */
export function refuseBrandedContent(
  privacy: TikTokPrivacy | null | undefined,
  auditStatus: AuditStatus,
): string | null {
  if (privacy === "SELF_ONLY" || auditStatus === "unaudited")
    return disclosureTexts.brandedNotPrivate;
  return null;
}

/** The line above the buttons: always the Music Usage Confirmation, plus the policy when branded. */
export function consentLine(d: Disclosure): readonly ConsentPart[] {
  return readDisclosure(d).isBranded ? consentTexts.brandedAndMusic : consentTexts.musicOnly;
}
