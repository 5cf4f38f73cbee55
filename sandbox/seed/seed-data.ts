import type { Platform } from "../store/types";

export const SEED_GROUPS = [
  { id: "grp_acme", name: "Acme Coffee", ageDays: 200 },
  { id: "grp_northwind", name: "Northwind Outdoors", ageDays: 150 },
] as const;

interface SeedProfile {
  id: string;
  groupId: string;
  platform: Platform;
  username: string;
  uid: string;
  expiresInDays: number;
  expiredDaysAgo?: number;
}

/**
 * PRODUCT.md §9 asks for three TikTok profiles in two groups, so Northwind keeps its old,
 * expired TikTok connection next to the active one; "tiktok" resolves to the active one.
 */
export const SEED_PROFILES: SeedProfile[] = [
  {
    id: "prof_acme_tiktok",
    groupId: "grp_acme",
    platform: "tiktok",
    username: "acmecoffee",
    uid: "6912000000000000001",
    expiresInDays: 300,
  },
  {
    id: "prof_acme_instagram",
    groupId: "grp_acme",
    platform: "instagram",
    username: "acme.coffee",
    uid: "17841400000000001",
    expiresInDays: 50,
  },
  {
    id: "prof_northwind_tiktok",
    groupId: "grp_northwind",
    platform: "tiktok",
    username: "northwind.outdoors",
    uid: "6912000000000000002",
    expiresInDays: 210,
  },
  {
    id: "prof_northwind_tiktok_old",
    groupId: "grp_northwind",
    platform: "tiktok",
    username: "northwind.trails",
    uid: "6912000000000000003",
    expiresInDays: 0,
    expiredDaysAgo: 12,
  },
];

export interface SeedPost {
  id: string;
  groupId: string;
  kind: "published" | "failed" | "scheduled" | "draft";
  /** When it went (or goes) out, relative to the seed time. */
  daysFromNow: number;
  body: string;
  profileIds: string[];
  assets: string[];
  platforms: Record<string, Record<string, unknown>>;
}

const VIDEO = "seed-video.mp4";
const PHOTO_1 = "seed-photo-1.jpg";
const PHOTO_2 = "seed-photo-2.jpg";
const publicVideo = {
  format: "video",
  privacy_status: "PUBLIC_TO_EVERYONE",
  disable_comment: false,
  disable_duet: false,
  disable_stitch: false,
};

export const SEED_POSTS: SeedPost[] = [
  {
    id: "post_seed_acme_1",
    groupId: "grp_acme",
    kind: "published",
    daysFromNow: -20,
    body: "Cold brew season is here ☕️ Steeped 18 hours, poured over ice. #coldbrew #acmecoffee",
    profileIds: ["prof_acme_tiktok"],
    assets: [VIDEO],
    platforms: { tiktok: publicVideo },
  },
  {
    id: "post_seed_acme_2",
    groupId: "grp_acme",
    kind: "published",
    daysFromNow: -12,
    body: "Three roasts, one morning. Swipe for the tasting notes 📸 #latteart",
    profileIds: ["prof_acme_tiktok"],
    assets: [PHOTO_1, PHOTO_2, PHOTO_1],
    platforms: {
      tiktok: {
        format: "image",
        privacy_status: "PUBLIC_TO_EVERYONE",
        photo_cover_index: 0,
        auto_add_music: true,
      },
    },
  },
  {
    id: "post_seed_acme_3",
    groupId: "grp_acme",
    kind: "published",
    daysFromNow: -3,
    body: "Behind the bar with @baristabea: the perfect flat white in 30 seconds. #coffeetok",
    profileIds: ["prof_acme_tiktok", "prof_acme_instagram"],
    assets: [VIDEO],
    platforms: { tiktok: { ...publicVideo, made_with_ai: false }, instagram: { format: "reel" } },
  },
  {
    id: "post_seed_acme_4",
    groupId: "grp_acme",
    kind: "scheduled",
    daysFromNow: 2,
    body: "New single-origin drop this Friday. Guess the country 👀 #acmecoffee",
    profileIds: ["prof_acme_tiktok"],
    assets: [VIDEO],
    platforms: { tiktok: { ...publicVideo, brand_organic_toggle: true } },
  },
  {
    id: "post_seed_northwind_1",
    groupId: "grp_northwind",
    kind: "published",
    daysFromNow: -30,
    body: "Sunrise at 3,000 m. Packed light, stayed warm. #hiking #northwind",
    profileIds: ["prof_northwind_tiktok"],
    assets: [VIDEO],
    platforms: { tiktok: publicVideo },
  },
  {
    id: "post_seed_northwind_2",
    groupId: "grp_northwind",
    kind: "published",
    daysFromNow: -6,
    body: "Gear check for the autumn trail series 🍂 #camping",
    profileIds: ["prof_northwind_tiktok"],
    assets: [PHOTO_2, PHOTO_1],
    platforms: {
      tiktok: { format: "image", privacy_status: "FOLLOWER_OF_CREATOR", auto_add_music: false },
    },
  },
  {
    id: "post_seed_northwind_3",
    groupId: "grp_northwind",
    kind: "failed",
    daysFromNow: -8,
    body: "Trail report: the north loop is open again.",
    profileIds: ["prof_northwind_tiktok_old"],
    assets: [VIDEO],
    platforms: { tiktok: publicVideo },
  },
  {
    id: "post_seed_northwind_4",
    groupId: "grp_northwind",
    kind: "draft",
    daysFromNow: 5,
    body: "Giveaway: win a trail kit. Tag a hiking buddy — draft, check the rules first",
    profileIds: ["prof_northwind_tiktok"],
    assets: [VIDEO],
    platforms: { tiktok: { format: "video", privacy_status: "SELF_ONLY" } },
  },
];
