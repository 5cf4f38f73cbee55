import "server-only";
import type { WorkspaceCtx } from "@/lib/data/context";
import { releaseWorkspaceLease, takeWorkspaceLease } from "@/lib/data/job-leases";
import {
  findKnownPostproxyPosts,
  getUnknownTargetsSince,
  importOutsidePost,
  type OutsidePost,
} from "@/lib/data/post-imports";
import { listProfileGroups } from "@/lib/data/profiles";
import { isAppError } from "@/lib/errors";
import { logError } from "@/lib/log";
import { withAppErrors, type Post } from "@/lib/postproxy";
import { defaultTikTokSettings, type TikTokSettings } from "@/lib/tiktok/params";
import { tiktokPrivacyStatuses, type TikTokPrivacy } from "@/lib/validation/enums";
import type { Profile } from "@/lib/validation/social-profile";
import { randomUUID } from "node:crypto";
import { getWorkspacePostproxy } from "./postproxy";

/** Postproxy's largest page is not documented; 50 is what its own clients ask for. */
const perPage = 50;
/** A run reads at most this many pages per group (2,500 posts); the next run reads them again. */
const maxPages = 50;
/** Posts Postproxy created this close before an `unknown` target may be that target's post. */
const unknownMarginMs = 10 * 60_000;
const importLeaseMs = 5 * 60_000;
const deadlineMs = 30_000;

export type PostImportResult = {
  read: number;
  imported: number;
  /** Left for a later run: created while a target of Postdeck's own is `unknown`. */
  held: number;
  errors: string[];
  busy?: true;
};

const bool = (v: unknown) => (typeof v === "boolean" ? v : undefined);

/** The TikTok settings a post was published with, read from the params Postproxy echoes. */
export function settingsFromParams(params: Record<string, unknown> | null | undefined): {
  settings: TikTokSettings;
  format: "video" | "image" | null;
} {
  const p = params ?? {};
  const privacy = tiktokPrivacyStatuses.includes(p.privacy_status as TikTokPrivacy)
    ? (p.privacy_status as TikTokPrivacy)
    : null;
  const format = p.format === "video" || p.format === "image" ? p.format : null;
  const yourBrand = bool(p.brand_organic_toggle) ?? false;
  const brandedContent = bool(p.brand_content_toggle) ?? false;
  return {
    format,
    settings: {
      ...defaultTikTokSettings,
      privacy,
      allowComments: bool(p.disable_comment) === false,
      allowDuet: bool(p.disable_duet) === false,
      allowStitch: bool(p.disable_stitch) === false,
      madeWithAi: bool(p.made_with_ai) ?? false,
      coverIndex: typeof p.photo_cover_index === "number" ? p.photo_cover_index : null,
      autoAddMusic: bool(p.auto_add_music) ?? false,
      discloseContent: yourBrand || brandedContent,
      yourBrand,
      brandedContent,
    },
  };
}

/**
 * A Postproxy post as Postdeck stores an outside post: its published TikTok publications only
 * (a post that is not published on TikTok yet is not history), each on the group's mirrored
 * TikTok profile. Null when it has none.
 */
export function toOutsidePost(
  post: Post,
  groupProfiles: Profile[],
  groupTikTok: Profile | null,
): OutsidePost | null {
  const published = post.platforms.filter(
    (p) => p.platform === "tiktok" && p.status === "published",
  );
  const targets = published.flatMap((p) => {
    const extra = p as Record<string, unknown>;
    const named = typeof extra.profile_id === "string" ? extra.profile_id : null;
    const profile = (named && groupProfiles.find((g) => g.id === named)) || groupTikTok;
    if (!profile) return [];
    return [
      {
        profileId: profile.id,
        profileName: profile.name,
        profileAvatarUrl: profile.avatarUrl,
        publishedAt: new Date(p.attempted_at ?? post.created_at),
        platformUrl: typeof extra.url === "string" ? extra.url : null,
      },
    ];
  });
  // One target per profile (a post appears once on a profile).
  const unique = targets.filter(
    (t, i) => targets.findIndex((u) => u.profileId === t.profileId) === i,
  );
  if (unique.length === 0) return null;
  const { settings, format } = settingsFromParams(published[0].params);
  const media = post.media[0]?.content_type ?? "";
  return {
    postproxyPostId: post.id,
    caption: post.body,
    format:
      format ??
      (media.startsWith("image/") ? "image" : media.startsWith("video/") ? "video" : null),
    settings,
    createdAt: new Date(post.created_at),
    targets: unique,
  };
}

/**
 * Imports the posts the workspace's Postproxy account published on TikTok outside Postdeck
 * (PRODUCT.md §6.2), group by group through every page: each once (a claim per Postproxy post),
 * never one a target of Postdeck's own holds, and nothing created since a target of Postdeck's
 * own became `unknown` (its post may be among them; it would appear twice). One run per workspace
 * at a time.
 */
export async function importOutsidePosts(
  ctx: WorkspaceCtx,
  options: { now?: Date } = {},
): Promise<PostImportResult> {
  const result: PostImportResult = { read: 0, imported: 0, held: 0, errors: [] };
  const client = await getWorkspacePostproxy(ctx, { deadlineMs });
  if (!client) return result;
  const holder = randomUUID();
  const now = options.now ?? new Date();
  if (!(await takeWorkspaceLease(ctx, { job: "import", holder, ms: importLeaseMs, now })))
    return { ...result, busy: true };
  try {
    const unknownSince = await getUnknownTargetsSince(ctx);
    const holdFrom = unknownSince ? unknownSince.getTime() - unknownMarginMs : Infinity;
    for (const group of await listProfileGroups(ctx)) {
      const tiktok = group.profiles.filter((p) => p.platform === "tiktok");
      if (tiktok.length === 0) continue;
      try {
        for (let page = 0; page < maxPages; page++) {
          const listed = await withAppErrors(
            () =>
              client.posts.list(
                { page, perPage, platforms: ["tiktok"] },
                { profileGroupId: group.id },
              ),
            "import:posts",
          );
          result.read += listed.data.length;
          const known = await findKnownPostproxyPosts(
            ctx,
            listed.data.map((p) => p.id),
          );
          for (const post of listed.data) {
            if (known.has(post.id)) continue;
            const outside = toOutsidePost(post, group.profiles, tiktok[0]);
            if (!outside) continue;
            if (outside.createdAt.getTime() >= holdFrom) {
              result.held += 1;
              continue;
            }
            if (await importOutsidePost(ctx, outside)) result.imported += 1;
          }
          if (listed.data.length < perPage || (page + 1) * perPage >= listed.total) break;
        }
      } catch (error) {
        result.errors.push(
          isAppError(error) ? error.message : `error ${logError("import:posts", error)}`,
        );
      }
    }
    return result;
  } finally {
    await releaseWorkspaceLease(ctx, { job: "import", holder });
  }
}
