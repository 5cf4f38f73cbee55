import type { ComposePostFormValues } from "./post";
import type { PostView } from "./post-view";

/**
 * The edit form's values for a post: its own fields, with `at` ("YYYY-MM-DDTHH:MM", the post's
 * own zone) as its time. The post page opens on them; a calendar move sends them with a new time.
 */
export function editValuesOf(post: PostView, at: string): ComposePostFormValues {
  return {
    workspaceId: post.workspaceId,
    postId: post.id,
    profileIds: post.targets.map((t) => t.profileId),
    media: post.media.map((m) => ({ id: m.id, kind: m.kind === "video" ? "video" : "image" })),
    caption: post.caption,
    privacy: post.settings.privacy,
    allowComments: post.settings.allowComments,
    allowDuet: post.settings.allowDuet,
    allowStitch: post.settings.allowStitch,
    madeWithAi: post.settings.madeWithAi,
    coverIndex: post.settings.coverIndex,
    autoAddMusic: post.settings.autoAddMusic,
    discloseContent: post.settings.discloseContent,
    yourBrand: post.settings.yourBrand,
    brandedContent: post.settings.brandedContent,
    schedule: { mode: "schedule", at, timeZone: post.timeZone },
  };
}
