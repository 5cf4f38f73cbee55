/** The composer's fields that a Postproxy 422 message can point at. */
export type ComposeErrorField =
  | "profileIds"
  | "media"
  | "caption"
  | "privacy"
  | "allowComments"
  | "allowDuet"
  | "allowStitch"
  | "madeWithAi"
  | "coverIndex"
  | "autoAddMusic"
  | "yourBrand"
  | "brandedContent"
  | "schedule.at";

/** `platforms.tiktok` keys back to the form fields they come from. */
const fieldOfParam: Record<string, ComposeErrorField> = {
  format: "media",
  privacy_status: "privacy",
  disable_comment: "allowComments",
  disable_duet: "allowDuet",
  disable_stitch: "allowStitch",
  made_with_ai: "madeWithAi",
  photo_cover_index: "coverIndex",
  auto_add_music: "autoAddMusic",
  brand_organic_toggle: "yourBrand",
  brand_content_toggle: "brandedContent",
};

// Postproxy's known 422 texts (reference §2.3 and §8), most specific first.
const patterns: [RegExp, ComposeErrorField | ((m: RegExpExecArray) => ComposeErrorField | null)][] =
  [
    [/^Invalid platform params for tiktok: (\w+)/, (m) => fieldOfParam[m[1]] ?? null],
    [/^tiktok: (\w+) (?:must|is|\d)/, (m) => fieldOfParam[m[1]] ?? null],
    [/^Body is too long for tiktok/, "caption"],
    [/^Media is required for tiktok|^tiktok: a (?:video|photo) post takes/, "media"],
    [/^Invalid media URL/, "media"],
    [/^Profiles can't be blank|^Profile not found/, "profileIds"],
    [/^Scheduled at/, "schedule.at"],
  ];

export function findFieldOfPostproxyError(message: string): ComposeErrorField | null {
  for (const [pattern, target] of patterns) {
    const m = pattern.exec(message);
    if (m) return typeof target === "string" ? target : target(m);
  }
  return null;
}

/** Sorts Postproxy's 422 messages to the fields they concern; the rest go at the top of the form. */
export function placePostproxyErrors(messages: readonly string[]): {
  fieldErrors: Partial<Record<ComposeErrorField, string[]>>;
  formErrors: string[];
} {
  const fieldErrors: Partial<Record<ComposeErrorField, string[]>> = {};
  const formErrors: string[] = [];
  for (const message of messages) {
    const field = findFieldOfPostproxyError(message);
    if (field) (fieldErrors[field] ??= []).push(message);
    else formErrors.push(message);
  }
  return { fieldErrors, formErrors };
}
