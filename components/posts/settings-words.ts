import {
  disclosureTexts,
  interactionTexts,
  labelDisclosure,
  privacyTexts,
  type TikTokSettings,
} from "@/lib/tiktok";

export type SettingLine = { term: string; detail: string };

const allowed = (on: boolean) => (on ? "Allowed" : "Off");

/** A post's TikTok settings as a manager reads them, only those its format takes. */
export function describeSettings(
  settings: TikTokSettings,
  format: "video" | "image" | null,
): SettingLine[] {
  const lines: SettingLine[] = [
    {
      term: privacyTexts.legend,
      detail: settings.privacy ? privacyTexts.labels[settings.privacy] : "Not chosen yet",
    },
    { term: interactionTexts.allowComments, detail: allowed(settings.allowComments) },
  ];
  if (format !== "image") {
    lines.push(
      { term: interactionTexts.allowDuet, detail: allowed(settings.allowDuet) },
      { term: interactionTexts.allowStitch, detail: allowed(settings.allowStitch) },
      { term: interactionTexts.madeWithAi, detail: settings.madeWithAi ? "Labeled" : "No" },
    );
  }
  if (format === "image") {
    lines.push(
      {
        term: interactionTexts.cover,
        detail: `Photo ${(settings.coverIndex ?? 0) + 1}`,
      },
      { term: interactionTexts.autoAddMusic, detail: settings.autoAddMusic ? "Yes" : "No" },
    );
  }
  lines.push({
    term: disclosureTexts.toggle,
    detail: settings.discloseContent
      ? (labelDisclosure(settings) ?? disclosureTexts.nothingTicked)
      : "Not disclosed",
  });
  return lines;
}
