/**
 * Every label, warning, consent line and error of the composer's TikTok rules (PRODUCT.md §4.3–4.6),
 * in one place so the form, the preview and the server action say the same thing.
 */
import type { TikTokPrivacy } from "@/lib/validation/enums";
import { countOf } from "@/lib/format/plural";

const n = (value: number) => value.toLocaleString("en-US");
const photos = (count: number) => countOf(count, "photo");

export const tiktokUrls = {
  musicUsageConfirmation: "https://www.tiktok.com/legal/page/global/music-usage-confirmation/en",
  brandedContentPolicy: "https://www.tiktok.com/legal/page/global/bc-policy/en",
  /** Where the workspace's TikTok app audit status is set. */
  auditStatusSetting: "/settings",
} as const;

export const mediaTexts = {
  required: "Add a video or photos.",
  mixed: "A post holds either one video or photos, not both.",
  videoCount: (videos: number) => `A video post needs exactly 1 video (${n(videos)} chosen)`,
  videoWithPhotos: "A video post cannot include photos",
  photoMin: "A photo post needs at least 1 photo",
  photoMax: (images: number) => `A photo post takes at most 35 photos (${n(images)} chosen)`,
  photoWithVideo: "A photo post cannot include a video",
  duplicate: "This file is already in the post.",
  kindInvalid: "TikTok takes only videos and photos.",
  draftTooMany: (max: number) => `A draft can hold at most ${n(max)} files.`,
  formatName: { video: "Video post", image: "Photo post" },
} as const;

export const captionTexts = {
  label: "Caption",
  counter: (count: number, max: number) => `${n(count)} / ${n(max)}`,
  tooLong: (count: number, max: number) =>
    `TikTok captions take at most ${n(max)} characters (this one has ${n(count)}; an emoji counts as 2).`,
  draftTooLong: (max: number) => `A draft caption can hold at most ${n(max)} characters.`,
} as const;

export const privacyTexts = {
  legend: "Who can see this post",
  labels: {
    PUBLIC_TO_EVERYONE: "Everyone",
    MUTUAL_FOLLOW_FRIENDS: "Mutual followers",
    FOLLOWER_OF_CREATOR: "Followers only",
    SELF_ONLY: "Only me",
  } satisfies Record<TikTokPrivacy, string>,
  required: "Choose who can see this post.",
  invalid: "Choose Everyone, Mutual followers, Followers only or Only me.",
  unauditedReason:
    "Your workspace's TikTok app is unaudited: TikTok only accepts “Only me” posts from it.",
  unknownEveryoneWarning:
    "TikTok rejects public posts from unaudited or sandbox TikTok apps. If your workspace's app is not audited yet, choose “Only me”.",
  auditSettingLink: "Check the audit status in Settings",
} as const;

export const interactionTexts = {
  legend: "Let viewers",
  allowComments: "Allow comments",
  allowDuet: "Allow Duet",
  allowStitch: "Allow Stitch",
  madeWithAi: "AI-generated content",
  madeWithAiHelp: "Label this video as made or significantly edited with AI.",
  cover: "Cover",
  coverHelp: "Click a photo to make it the cover.",
  autoAddMusic: "Add music automatically",
  // Refusals for crafted requests: the form hides these controls for the other format.
  duetVideoOnly: "Duet is only for video posts.",
  stitchVideoOnly: "Stitch is only for video posts.",
  madeWithAiVideoOnly: "AI-generated content is only for video posts.",
  coverPhotoOnly: "A cover photo is only for photo posts.",
  autoAddMusicPhotoOnly: "Adding music automatically is only for photo posts.",
  coverOutOfRange: (count: number) =>
    `Choose the cover among the post's ${photos(count)} (number 1 to ${n(count)}).`,
} as const;

export const disclosureTexts = {
  toggle: "Disclose commercial content",
  toggleHelp:
    "Turn this on if this post promotes yourself, a brand, a product or a service in exchange for something of value.",
  yourBrand: "Your brand",
  yourBrandHelp:
    "You are promoting yourself or your own business. This content will be classified as Brand Organic.",
  brandedContent: "Branded content",
  brandedContentHelp:
    "You are promoting another brand or a third party. This content will be classified as Branded Content.",
  nothingTicked: "You need to indicate if your content promotes yourself, a third party, or both.",
  promotionalLabel: "Your photo/video will be labeled as 'Promotional content'",
  paidPartnershipLabel: "Your photo/video will be labeled as 'Paid partnership'",
  brandedNotPrivate: "Branded content visibility cannot be set to private.",
  /** The tag itself, as the phone preview shows it on the post. */
  promotionalTag: "Promotional content",
  paidPartnershipTag: "Paid partnership",
} as const;

/** Consent lines as parts, so the UI can render the linked ones as links. */
export type ConsentPart = string | { text: string; href: string };

export const consentTexts = {
  musicOnly: [
    "By posting, you agree to TikTok's ",
    { text: "Music Usage Confirmation", href: tiktokUrls.musicUsageConfirmation },
  ],
  brandedAndMusic: [
    "By posting, you agree to TikTok's ",
    { text: "Branded Content Policy", href: tiktokUrls.brandedContentPolicy },
    " and ",
    { text: "Music Usage Confirmation", href: tiktokUrls.musicUsageConfirmation },
  ],
} as const satisfies Record<string, readonly ConsentPart[]>;

export const scheduleTexts = {
  modes: { now: "Publish now", schedule: "Schedule", draft: "Save as draft" },
  modeInvalid: "Choose Publish now, Schedule or Save as draft.",
  atRequired: "Choose a date and time.",
  atInvalid: "Enter the date and time as YYYY-MM-DD HH:MM.",
  timeZoneInvalid: "Choose a timezone from the list (an IANA name like Europe/Paris).",
  inPast: "Choose a time in the future.",
  dailyCapWarning: (profileName: string, count: number) =>
    `${profileName} would have ${n(count)} posts within 24 hours; TikTok lets a creator post at most 15 a day, so some may be refused.`,
  processingNotice: "TikTok may take a few minutes to process your post",
} as const;

export const formTexts = {
  checkboxInvalid: "Tick or untick this box.",
} as const;

export const profileTexts = {
  /** The first read of a workspace's profiles is under way (the mirror is still empty). */
  loading: "Reading your TikTok profiles from Postproxy; they appear here in a moment.",
  required: "Choose at least one TikTok profile.",
  duplicate: "This profile is already chosen.",
  invalidId: "This is not a Postproxy profile id.",
  tooMany: (max: number) => `Choose at most ${n(max)} profiles.`,
  notFound:
    "This profile is not one of your workspace's TikTok profiles in Postproxy. Pick a profile from the list.",
  expired: (name: string) =>
    `${name} is disconnected from TikTok (expired). Reconnect it on the Profiles page, then publish again.`,
  inactive: (name: string) =>
    `${name} is no longer connected (inactive): another TikTok account replaced it. Reconnect it on the Profiles page or pick another profile.`,
  alreadySent: (name: string) =>
    `${name} already has this post; a profile that was sent cannot be removed from it.`,
  unavailable: (reason: string) =>
    `Your TikTok profiles could not be loaded from Postproxy, so nothing was sent. ${reason}`,
  noKey:
    "This workspace has no Postproxy API key, so nothing can be published. A workspace owner adds it in Settings.",
} as const;

/** Why a chosen file cannot go out, at the file's place in the post ("media.<i>"). */
export const mediaSubmitTexts = {
  notFound: "This file is not in your workspace's media library. Remove it and add it again.",
  uploading: (name: string) => `“${name}” has not finished uploading. Wait for it, then publish.`,
  rejected: (name: string, reason: string) =>
    `“${name}” cannot be posted: ${reason}. Remove it from the post.`,
  failsRules: (name: string, reasons: string[]) =>
    `“${name}” does not meet TikTok's rules: ${reasons.join("; ")}. Remove it or replace it.`,
  notReadable: (name: string) =>
    `“${name}” could not be read from storage, so it was not sent. Upload it again and publish.`,
  needsPublicUrl:
    "Media stored in S3 reach Postproxy only through signed links: the server administrator must set S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY (presigned links) or PUBLIC_BASE_URL.",
} as const;

/**
 * A target's status in plain words (PRODUCT.md §5 "Trustworthy status"): the cause, who acts, the
 * fix, and whether a retry can help.
 */
export const publishTexts = {
  invalidInput: "Some fields need attention.",
  allRefused:
    "Postproxy refused the post for every profile, so it was kept as a draft. Fix the fields shown and publish again.",
  resentRefused:
    "Postproxy refused the post again for the profiles you resent; the profiles that already have it are unchanged. Fix the fields shown and publish again.",
  refused: (messages: string[]) =>
    `Postproxy refused this post: ${messages.join("; ")}. Fix it in the composer and send it again.`,
  unauthorized:
    "Postproxy rejected the workspace's API key (401). A workspace owner must update the key in Settings; then retry.",
  forbidden:
    "Postproxy refused this API key for this profile (403). A workspace owner must check the key's access in Postproxy; then retry.",
  unknownOutcome: (what: string) =>
    `Checking with Postproxy… It ${what}, so Postdeck does not know yet whether it took the post. Postdeck asks again by itself under the same request key, which can never post twice.`,
  unknownStuck: (name: string) =>
    `Postdeck cannot tell whether TikTok got this post: Postproxy never answered, and asking again now could publish it late or twice. Check ${name}'s TikTok profile (or the post in Postproxy) before sending anything; Postdeck sends nothing by itself.`,
  unexpectedNotFound:
    "Postproxy says it has no such post, though Postdeck did not delete it. Nothing was changed here; check the post in Postproxy.",
  previousKey:
    "Sent with a previous Postproxy API key: this is its last known status, and it is no longer checked with the current key.",
  noLinkYet:
    "TikTok gave no link within 48 hours. “Only me” posts may never get one; look for it on the profile in TikTok.",
  delayed:
    "Postproxy has not published this post 10 minutes after its time. Postdeck keeps checking; nothing needs doing yet.",
  alreadySent:
    "This post was already sent to Postproxy, so the composer cannot change it. Open it from Posts to see where it stands.",
  rateLimited:
    "Postproxy is limiting requests right now (429) and did not take the post. Retry in a minute; it cannot post twice.",
  serverError: (status: number | undefined) =>
    `answered with an internal error${status ? ` (${status})` : ""} after every retry`,
  mediaFailed: (detail: string) =>
    `TikTok's media check failed on Postproxy: ${detail}. Replace the file in the composer and send it again.`,
  platformFailed: (detail: string) =>
    `TikTok refused the post: ${detail}. Fix it in the composer and send it again.`,
  platformFinal: (detail: string) => `TikTok did not publish the post: ${detail}.`,
  unauditedApp:
    "TikTok refused the post because the workspace's TikTok app is unaudited: it only accepts “Only me” posts. Choose “Only me” in the composer and send it again, or have the app audited.",
  expiredProfile: (name: string) =>
    `TikTok refused the post because ${name} is disconnected (its access expired). Reconnect it on the Profiles page, then retry.`,
  deleted: "The post was deleted on Postproxy.",
  keyReused:
    "Postproxy already took an earlier version of this post for this profile under the same request key. Check the post in Postproxy before sending it again.",
  notRetryable: "This profile's post is not waiting for a retry.",
  inFlight: (name: string) =>
    `The post is being sent to ${name} right now. Wait a moment and open it from Posts.`,
  notDraft:
    "This post was submitted meanwhile, so the draft was not saved over it. Open it from Posts.",
  notADraftToDelete: "Only drafts can be deleted; this post was already submitted.",
  notFound: "That post does not exist in this workspace.",
} as const;
