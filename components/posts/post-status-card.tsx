"use client";

import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { scheduleTexts } from "@/lib/tiktok";
import type { PostView } from "@/lib/validation/post-view";
import { describePostFetchError } from "./polling";
import { postStatusLookOf } from "@/lib/format/status";
import { PostStatusBadge } from "./status-badge";
import { TargetRow } from "./target-row";
import { usePostView } from "./use-post-view";

/** Each profile's status, refreshed until every one is final. */
export function PostStatusCard({ initial, canEdit }: { initial: PostView; canEdit: boolean }) {
  const { data: post, error, restartPolling } = usePostView(initial);
  const isDraft = post.status === "draft";
  return (
    <Card>
      <CardHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            Profiles
            <PostStatusBadge status={post.status} targets={post.targets} />
          </span>
        }
        description={postStatusLookOf(post.status, post.targets).description}
      />
      <CardBody className="space-y-4">
        {!post.isFinal && !isDraft ? (
          <p role="status" className="flex items-center gap-2 text-sm font-medium text-accent-800">
            <span className="size-2 animate-pulse rounded-full bg-accent-600" aria-hidden />
            {scheduleTexts.processingNotice.replace(/\.?$/, ".")}
          </p>
        ) : null}
        {error ? <Alert tone="warning">{describePostFetchError(error)}</Alert> : null}
        {post.targets.length === 0 ? (
          <p className="text-sm text-gray-600">
            {isDraft
              ? "This draft has not been sent to any profile yet."
              : "No profile was chosen for this post."}
          </p>
        ) : (
          <ul aria-label="Profiles" className="divide-y divide-gray-100">
            {post.targets.map((t) => (
              <TargetRow
                key={t.id}
                target={t}
                postId={post.id}
                workspaceId={post.workspaceId}
                canEdit={canEdit}
                isScheduled={post.scheduleMode === "schedule"}
                onRetried={() => void restartPolling()}
              />
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}
