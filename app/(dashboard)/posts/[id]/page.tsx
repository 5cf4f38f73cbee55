import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MadeElsewhereNote } from "@/components/posts/made-elsewhere";
import { PostDetails } from "@/components/posts/post-details";
import { PostMedia } from "@/components/posts/post-media";
import { PostManagePanel } from "@/components/posts/post-manage-panel";
import { PostPageActions } from "@/components/posts/post-page-actions";
import { excerptCaption } from "@/components/posts/status";
import { PostStatusCard } from "@/components/posts/post-status-card";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { PageHeader } from "@/components/ui/page-header";
import { requireWorkspace } from "@/lib/auth/session";
import { isImportedPost } from "@/lib/data/post-imports";
import { getPostView } from "@/lib/data/posts";
import { getWorkspaceSettings } from "@/lib/data/workspaces";
import { getPostManageView } from "@/lib/publishing/manage";
import { isAppError } from "@/lib/errors";
import { mediaTexts } from "@/lib/tiktok";
import { hasRole } from "@/lib/validation/enums";
import { isUuid } from "@/lib/validation/uuid";
import { PostStatsSection } from "@/components/stats/post-stats-section";

export const metadata: Metadata = { title: "Post" };

type Props = { params: Promise<{ id: string }> };

async function loadPost(id: string) {
  const ctx = await requireWorkspace();
  // A malformed id, another workspace's post and a deleted one all look the same: not found.
  if (!isUuid(id)) notFound();
  try {
    const [post, manage, settings, madeElsewhere] = await Promise.all([
      getPostView(ctx, id),
      getPostManageView(ctx, id),
      getWorkspaceSettings(ctx),
      isImportedPost(ctx, id),
    ]);
    return { ctx, post, manage, auditStatus: settings.tiktokAuditStatus, madeElsewhere };
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
}

export default async function PostPage({ params }: Props) {
  const { ctx, post, manage, auditStatus, madeElsewhere } = await loadPost((await params).id);
  const canEdit = hasRole(ctx.role, "editor");
  // A post made outside Postdeck is read-only here (duplicating it is still offered).
  const canChange = canEdit && !madeElsewhere;
  const title = post.format ? mediaTexts.formatName[post.format] : "Post";
  return (
    <>
      <Link
        href="/posts"
        className="mb-3 inline-flex items-center gap-1 text-sm font-medium text-accent-700 hover:underline"
      >
        <ArrowLeft className="size-4" aria-hidden />
        All posts
      </Link>
      <PageHeader
        title={title}
        description={
          <>
            {post.createdByName ? `Created by ${post.createdByName} · ` : "Created "}
            <DateTime value={post.createdAt} />
          </>
        }
        actions={
          canEdit ? (
            <PostPageActions
              workspaceId={post.workspaceId}
              postId={post.id}
              name={
                excerptCaption(post.caption, 60) ||
                (post.status === "draft" ? "Untitled draft" : title)
              }
              isDraft={post.status === "draft"}
            />
          ) : null
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="min-w-0 space-y-6">
          {madeElsewhere ? <MadeElsewhereNote /> : null}
          <PostStatusCard initial={post} canEdit={canChange} />
          <PostManagePanel
            initialPost={post}
            initialManage={manage}
            canEdit={canChange}
            auditStatus={auditStatus}
          />
          <PostDetails post={post} />
          <PostStatsSection workspaceId={ctx.workspaceId} postId={post.id} />
        </div>
        <div className="min-w-0">
          <Card className="lg:sticky lg:top-6">
            <CardHeader title="Media" />
            <CardBody>
              <PostMedia
                media={post.media}
                format={post.format}
                coverIndex={post.settings.coverIndex}
              />
            </CardBody>
          </Card>
        </div>
      </div>
    </>
  );
}
