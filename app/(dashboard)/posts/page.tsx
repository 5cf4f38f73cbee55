import { ListVideo, PenSquare } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { PostsFeed } from "@/components/posts/posts-feed";
import { PostsQueryProvider } from "@/components/posts/query-provider";
import { StatusTabs } from "@/components/posts/status-tabs";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireWorkspace } from "@/lib/auth/session";
import { listPosts } from "@/lib/data/posts";
import { hasRole } from "@/lib/validation/enums";
import {
  postsPageSize,
  postStatusFilters,
  readStatusFilter,
  toListStatus,
} from "@/lib/validation/post-list";

export const metadata: Metadata = { title: "Posts" };

type Props = { searchParams: Promise<{ status?: string | string[] }> };

export default async function PostsPage({ searchParams }: Props) {
  const ctx = await requireWorkspace();
  const filter = readStatusFilter((await searchParams).status);
  const canEdit = hasRole(ctx.role, "editor");
  const first = await listPosts(ctx, { status: toListStatus(filter), limit: postsPageSize });
  const composeLink = canEdit ? (
    <Link href="/compose" className={buttonVariants()}>
      <PenSquare className="size-4" aria-hidden />
      Compose a post
    </Link>
  ) : null;
  const filterLabel = postStatusFilters.find((f) => f.value === filter)?.label ?? "";
  return (
    <>
      <PageHeader
        title="Posts"
        description="Drafts first, then every post this workspace has sent, newest first."
        actions={composeLink}
      />
      <StatusTabs current={filter} />
      {first.items.length === 0 ? (
        filter === "all" ? (
          <EmptyState icon={ListVideo} title="No posts yet" action={composeLink}>
            {canEdit
              ? "Write a caption, pick your TikTok profiles and schedule a video or photo post; drafts save themselves and wait here."
              : "Posts the editors of this workspace draft, schedule and publish will be listed here."}
          </EmptyState>
        ) : (
          <EmptyState icon={ListVideo} title={`No ${filterLabel.toLowerCase()} posts`}>
            <Link href="/posts" className="font-medium text-accent-700 hover:underline">
              Show every post
            </Link>
          </EmptyState>
        )
      ) : (
        <PostsQueryProvider key={filter}>
          <PostsFeed
            workspaceId={ctx.workspaceId}
            status={filter}
            canEdit={canEdit}
            first={first}
          />
        </PostsQueryProvider>
      )}
    </>
  );
}
