import { ListVideo, PenSquare } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { PostsFeed } from "@/components/posts/posts-feed";
import { PostsFilters } from "@/components/posts/posts-filters";
import { PostsTabs } from "@/components/posts/posts-tabs";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireWorkspaceWithSettings } from "@/lib/auth/session";
import { listPostsPage, listPostsProfileOptions } from "@/lib/data/posts-list";
import { hasRole } from "@/lib/validation/enums";
import {
  hasPostsFilters,
  postsQueryHref,
  postsQueryToSearchParams,
  readPostsQuery,
} from "@/lib/validation/posts-query";

export const metadata: Metadata = { title: "Posts" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PostsPage({ searchParams }: Props) {
  // The workspace's timezone comes with the session: no round trip of its own.
  const { ctx, timezone: timeZone } = await requireWorkspaceWithSettings();
  const { query, problems } = readPostsQuery(await searchParams);
  const canEdit = hasRole(ctx.role, "editor");
  const [first, profiles] = await Promise.all([
    listPostsPage(ctx, query, { timeZone }),
    listPostsProfileOptions(ctx),
  ]);
  const isDrafts = query.tab === "drafts";
  const composeLink = canEdit ? (
    <Link href="/compose" className={buttonVariants()}>
      <PenSquare className="size-4" aria-hidden />
      Compose a post
    </Link>
  ) : null;
  return (
    <>
      <PageHeader
        title="Posts"
        description={
          isDrafts
            ? "Drafts only Postdeck has, last edited first."
            : "Every post this workspace sent, newest scheduled or sent time first."
        }
        actions={composeLink}
      />
      <PostsTabs query={query} />
      <PostsFilters query={query} problems={problems} profiles={profiles} timeZone={timeZone} />
      {first.items.length === 0 ? (
        hasPostsFilters(query) ? (
          <EmptyState
            icon={ListVideo}
            title={isDrafts ? "No draft matches these filters" : "No post matches these filters"}
          >
            <Link
              href={postsQueryHref({ tab: query.tab })}
              className="font-medium text-accent-700 hover:underline"
            >
              Clear filters
            </Link>
          </EmptyState>
        ) : isDrafts ? (
          <EmptyState icon={ListVideo} title="No drafts" action={composeLink}>
            {canEdit
              ? "A post you start and leave is saved here as a draft until you send or delete it."
              : "Drafts the editors of this workspace save will be listed here."}
          </EmptyState>
        ) : (
          <EmptyState icon={ListVideo} title="No posts sent yet" action={composeLink}>
            {canEdit
              ? "Write a caption, pick your TikTok profiles and schedule a video or photo post; drafts wait in the Drafts tab."
              : "Posts the editors of this workspace schedule and publish will be listed here."}
          </EmptyState>
        )
      ) : (
        <PostsFeed
          key={postsQueryToSearchParams(query).toString()}
          workspaceId={ctx.workspaceId}
          query={query}
          canEdit={canEdit}
          first={first}
        />
      )}
    </>
  );
}
