import { Eye } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { Composer } from "@/components/compose/composer";
import type { ComposerProps } from "@/components/compose/composer-types";
import { buttonVariants } from "@/components/ui/button";
import { NoKeyState } from "@/components/settings/no-key-state";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireWorkspaceWithSettings } from "@/lib/auth/session";
import type { WorkspaceCtx } from "@/lib/data/context";
import { toMediaCards } from "@/lib/data/media-cards";
import { getComposeDraft, listProfilePostTimes } from "@/lib/data/posts";
import { loadWorkspaceMedia } from "@/lib/data/posts-media";
import { isAppError } from "@/lib/errors";
import { listComposeProfiles } from "@/lib/integrations/tiktok-profiles";
import { MirrorRefresher } from "@/components/profiles/mirror-refresher";
import { parseComposeMediaParam } from "@/lib/validation/media-library";
import { createComposeDefaults } from "@/lib/validation/post";
import { isLocalDateTime } from "@/lib/validation/schedule";

export const metadata: Metadata = { title: "Compose" };

type Search = { post?: string | string[]; media?: string | string[]; at?: string | string[] };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** `?post=` reopens a draft (404 for another workspace's; a sent post opens its page); `?media=` starts with a library file; `?at=` with a time. */
async function loadDraft(
  ctx: WorkspaceCtx,
  timezone: string,
  search: Search,
): Promise<ComposerProps["draft"]> {
  const postId = one(search.post);
  if (postId) {
    try {
      return await getComposeDraft(ctx, postId);
    } catch (error) {
      if (isAppError(error) && error.code === "not_found") notFound();
      if (isAppError(error) && error.code === "conflict" && error.meta?.postId)
        redirect(`/posts/${error.meta.postId}`);
      throw error;
    }
  }
  const values = createComposeDefaults(ctx.workspaceId, timezone);
  // `?at=YYYY-MM-DDTHH:MM` (the calendar's "+"): that wall-clock time in the workspace's zone.
  const at = one(search.at);
  if (at && isLocalDateTime(at)) values.schedule = { mode: "schedule", at, timeZone: timezone };
  // Files of this workspace only (another workspace's id reads as missing), in the order given.
  const ids = parseComposeMediaParam(search.media);
  const found = await loadWorkspaceMedia(ctx.db, ctx.workspaceId, ids);
  const usable = found.filter(
    (m) => m.status === "ready" && (m.kind === "video" || m.kind === "image"),
  );
  const left = ids.length - usable.length;
  const mediaNotice =
    left <= 0
      ? null
      : left === 1
        ? "1 of the chosen files could not be added: it is not in this workspace's library or cannot be posted."
        : `${left} of the chosen files could not be added: they are not in this workspace's library or cannot be posted.`;
  if (usable.length === 0) return { values, media: [], lockedProfileIds: [], mediaNotice };
  return {
    values: {
      ...values,
      media: usable.map((m) => ({ id: m.id, kind: m.kind as "video" | "image" })),
      coverIndex: usable[0].kind === "image" ? 0 : null,
    },
    media: await toMediaCards(ctx.db, ctx.workspaceId, usable),
    lockedProfileIds: [],
    mediaNotice,
  };
}

export default async function ComposePage({ searchParams }: { searchParams: Promise<Search> }) {
  // The timezone and audit status come with the session: no round trip of their own.
  const { ctx, ...settings } = await requireWorkspaceWithSettings();
  const header = (
    <PageHeader
      title="Compose"
      description="Create a TikTok video or photo post for one or more profiles."
    />
  );
  if (ctx.role === "viewer") {
    return (
      <>
        {header}
        <EmptyState
          icon={Eye}
          title="Viewers can't compose posts"
          action={
            <Link href="/posts" className={buttonVariants({ variant: "secondary" })}>
              See the workspace&apos;s posts
            </Link>
          }
        >
          You can look at posts, the calendar and stats. Ask a workspace owner to make you an editor
          if you need to write and schedule posts.
        </EmptyState>
      </>
    );
  }

  const search = await searchParams;
  const compose = await listComposeProfiles(ctx);
  if (!compose.hasKey) {
    return (
      <>
        {header}
        <NoKeyState title="Connect your Postproxy account first" isOwner={ctx.role === "owner"}>
          Postdeck posts to TikTok through Postproxy.{" "}
          {ctx.role === "owner"
            ? "Save your workspace's Postproxy API key in Settings, then come back to compose."
            : "Ask a workspace owner to save the Postproxy API key, then come back to compose."}
        </NoKeyState>
      </>
    );
  }

  const [draft, profilePostTimes] = await Promise.all([
    loadDraft(ctx, settings.timezone, search),
    listProfilePostTimes(
      ctx,
      compose.profiles.map((p) => p.id),
    ),
  ]);
  return (
    <>
      {header}
      {compose.mirror ? (
        <MirrorRefresher
          workspaceId={ctx.workspaceId}
          isStale={compose.mirror.isStale}
          showStatus={!compose.mirror.isLoaded}
        />
      ) : null}
      <Composer
        workspaceId={ctx.workspaceId}
        auditStatus={settings.tiktokAuditStatus}
        profiles={compose.profiles}
        profilesError={compose.error}
        profilePostTimes={profilePostTimes}
        draft={draft}
        newPostValues={createComposeDefaults(ctx.workspaceId, settings.timezone)}
        hasPresetMedia={draft.media.length > 0 && !draft.postId}
      />
    </>
  );
}
