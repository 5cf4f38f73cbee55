"use client";

import Link from "next/link";
import { DateTime } from "@/components/ui/date-time";
import { mediaTexts } from "@/lib/tiktok";
import type { PostListItem } from "@/lib/validation/post-view";
import { PostThumb } from "./post-thumb";
import { excerptCaption, summarizeTargets } from "./status";
import { PostStatusBadge, TargetStatusBadge } from "./status-badge";

function ProfileStatuses({ post }: { post: PostListItem }) {
  // Names and statuses come in the same order, one per profile the post went to.
  if (post.profileNames.length !== post.targetStatuses.length)
    return <p className="text-xs text-gray-600">{summarizeTargets(post.targetStatuses)}</p>;
  return (
    <ul aria-label="Profiles" className="flex flex-wrap gap-x-4 gap-y-1">
      {post.profileNames.map((name, i) => (
        <li key={`${name}-${i}`} className="flex items-center gap-1.5 text-xs text-gray-700">
          {name}
          <TargetStatusBadge status={post.targetStatuses[i]} />
        </li>
      ))}
    </ul>
  );
}

export function PostRow({ post }: { post: PostListItem }) {
  const caption = excerptCaption(post.caption);
  const kind = post.format ? mediaTexts.formatName[post.format] : "Post";
  return (
    <li className="relative flex gap-3 py-4 first:pt-0 last:pb-0">
      <PostThumb
        mediaId={post.thumbnailMediaId}
        format={post.format}
        mediaCount={post.mediaCount}
      />
      <div className="min-w-0 flex-1 space-y-1.5">
        <div className="flex flex-wrap items-center gap-2">
          <Link
            href={`/posts/${post.id}`}
            className="text-sm font-medium text-gray-900 after:absolute after:inset-0 after:rounded-md hover:underline focus-visible:outline-none focus-visible:after:outline-2 focus-visible:after:outline-accent-700"
          >
            {kind}
            <span className="sr-only">: {caption || "no caption"}</span>
          </Link>
          <PostStatusBadge status={post.status} />
        </div>
        <p className={caption ? "text-sm text-gray-700" : "text-sm text-gray-500 italic"}>
          {caption || "No caption"}
        </p>
        <ProfileStatuses post={post} />
        <p className="text-xs text-gray-600">
          {post.scheduledAt ? (
            <>
              {post.status === "published" || post.status === "partially_published"
                ? "Published; it was set for "
                : "Scheduled for "}
              <DateTime value={post.scheduledAt} />
            </>
          ) : (
            <>
              Updated <DateTime value={post.updatedAt} />
            </>
          )}
        </p>
      </div>
    </li>
  );
}
