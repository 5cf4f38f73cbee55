import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db/client";
import { posts, type PostMediaRef } from "@/lib/db/schema";
import { readMediaSelection } from "@/lib/tiktok/media-selection";
import type { TikTokSettings } from "@/lib/tiktok/params";
import { toScheduledAt, type DraftInput } from "@/lib/validation/post";
import type { WorkspaceCtx } from "./context";

export function pickSettings(input: TikTokSettings): TikTokSettings {
  return {
    privacy: input.privacy ?? null,
    allowComments: input.allowComments,
    allowDuet: input.allowDuet,
    allowStitch: input.allowStitch,
    madeWithAi: input.madeWithAi,
    coverIndex: input.coverIndex ?? null,
    autoAddMusic: input.autoAddMusic,
    discloseContent: input.discloseContent,
    yourBrand: input.yourBrand,
    brandedContent: input.brandedContent,
  };
}

/** The post's columns as the composer's input gives them (a draft's, or a submitted post's). */
function postColumnsOf(input: DraftInput, fallbackTimeZone: string) {
  const media: PostMediaRef[] = input.media.map((m) => ({ id: m.id, kind: m.kind }));
  const mode = input.schedule?.mode ?? "now";
  const timeZone = input.schedule?.timeZone || fallbackTimeZone;
  const at = input.schedule?.at || null;
  return {
    caption: input.caption,
    format: readMediaSelection(media.map((m) => m.kind)).format,
    settings: pickSettings(input),
    profileIds: input.profileIds,
    media,
    scheduleMode: mode,
    scheduleAt: at,
    timeZone,
    scheduledAt:
      mode === "schedule" && at ? toScheduledAt({ schedule: { mode, at, timeZone } }) : null,
  };
}

/**
 * What the one writer writes: the composer's input, as a draft (autosave, duplicate) or as a post
 * being submitted (the submission's claim).
 */
export type PostRowWrite = {
  input: DraftInput;
  status: "draft" | "submitting";
  now: Date;
  /** For an input that names no timezone (a draft saved before one was picked). */
  fallbackTimeZone: string;
};

function rowOf(write: PostRowWrite) {
  return {
    ...postColumnsOf(write.input, write.fallbackTimeZone),
    status: write.status,
    updatedAt: write.now,
    ...(write.status === "submitting" ? { submittedAt: write.now } : {}),
  };
}

/**
 * The one writer of post rows. `insert` makes a new post (its statement may stand alone or sit in
 * a data-modifying CTE beside its targets); `update` rewrites a post that is still a draft and
 * answers nothing when it is not (a post submitted meanwhile is never overwritten). Status changes
 * after sending go through the status core (posts-status.ts), never through here.
 */
export const postRows = {
  insert(db: Db | Tx, ctx: WorkspaceCtx, write: PostRowWrite & { id?: string }) {
    return db
      .insert(posts)
      .values({
        ...rowOf(write),
        ...(write.id ? { id: write.id } : {}),
        workspaceId: ctx.workspaceId,
        createdById: ctx.user.id,
        createdAt: write.now,
      })
      .returning({ id: posts.id });
  },
  update(db: Db | Tx, ctx: WorkspaceCtx, postId: string, write: PostRowWrite) {
    return db
      .update(posts)
      .set(rowOf(write))
      .where(
        and(
          eq(posts.id, postId),
          eq(posts.workspaceId, ctx.workspaceId),
          eq(posts.status, "draft"),
        ),
      )
      .returning({ id: posts.id });
  },
  /** The post's id and status, its row locked until the transaction ends; undefined when absent. */
  async lockForUpdate(tx: Tx, ctx: WorkspaceCtx, postId: string) {
    const [row] = await tx
      .select({ id: posts.id, status: posts.status })
      .from(posts)
      .where(and(eq(posts.id, postId), eq(posts.workspaceId, ctx.workspaceId)))
      .for("update");
    return row;
  },
};

/** The media a write references, deduplicated in order (for the media usages beside it). */
export function mediaIdsOf(input: DraftInput): string[] {
  return [...new Set(input.media.map((m) => m.id))];
}
