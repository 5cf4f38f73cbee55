import Link from "next/link";
import { DateTime } from "@/components/ui/date-time";
import { mediaTexts } from "@/lib/tiktok";
import type { PostsListRow, PostsRowTimeKind } from "@/lib/validation/posts-query";
import { PostRowMenu } from "./post-row-menu";
import { MadeElsewhereBadge } from "./made-elsewhere";
import { PostThumb } from "./post-thumb";
import { excerptCaption } from "./status";
import { PostStatusBadge, TargetStatusBadge } from "./status-badge";

/** The words before a row's time: never "Scheduled for" on a post that went out. */
export const rowTimeWords: Record<PostsRowTimeKind, string> = {
  scheduled: "Scheduled for",
  sent: "Sent",
  published: "Published",
  failed: "Failed",
  cancelled: "Cancelled",
  edited: "Last edited",
};

function Profiles({ post }: { post: PostsListRow }) {
  if (post.profiles.length === 0)
    return <p className="text-xs text-gray-600">No profile chosen yet</p>;
  return (
    <ul aria-label="Profiles" className="flex flex-wrap gap-x-4 gap-y-1">
      {post.profiles.map((p) => (
        <li
          key={p.profileId}
          className="flex min-w-0 items-center gap-1.5 text-xs break-all text-gray-700"
        >
          {p.profileName}
          {p.status ? <TargetStatusBadge status={p.status} /> : null}
          {p.needsReconnect ? (
            <Link
              href="/profiles"
              className="relative z-10 font-medium text-amber-800 underline"
              aria-label={`${p.profileName} needs reconnecting: open Profiles`}
            >
              Needs reconnecting
            </Link>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** One post of the list: thumbnail, caption start, profiles with their statuses, its time. */
export function PostRow({
  post,
  workspaceId,
  canEdit,
  onDeleted,
}: {
  post: PostsListRow;
  workspaceId: string;
  canEdit: boolean;
  onDeleted: () => void;
}) {
  const caption = excerptCaption(post.caption);
  const isDraft = post.status === "draft";
  const kind = post.format ? mediaTexts.formatName[post.format] : "Post";
  const name = caption || (isDraft ? "Untitled draft" : "No caption");
  return (
    <li
      aria-label={`${isDraft ? "Draft" : kind}: ${name}`}
      className="relative flex gap-3 py-4 first:pt-0 last:pb-0"
    >
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
            {isDraft ? "Draft" : kind}
            <span className="sr-only">: {name}</span>
          </Link>
          {isDraft ? null : <PostStatusBadge status={post.status} targets={post.profiles} />}
          {post.madeElsewhere ? <MadeElsewhereBadge /> : null}
        </div>
        <p
          className={caption ? "text-sm break-words text-gray-700" : "text-sm text-gray-600 italic"}
        >
          {caption || (isDraft ? "No caption yet" : "No caption")}
        </p>
        <Profiles post={post} />
        {post.time ? (
          <p className="text-xs text-gray-600">
            {rowTimeWords[post.time.kind]} <DateTime value={post.time.at} />
          </p>
        ) : null}
      </div>
      {canEdit ? (
        <div className="relative z-10 shrink-0">
          <PostRowMenu
            postId={post.id}
            name={name}
            isDraft={isDraft}
            workspaceId={workspaceId}
            onDeleted={onDeleted}
          />
        </div>
      ) : null}
    </li>
  );
}
