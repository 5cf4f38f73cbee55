"use client";

import Link from "next/link";
import { useTransition } from "react";
import { toast } from "@/lib/toast";
import { Button, buttonVariants } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { DateTime } from "@/components/ui/date-time";
import { deleteDraftAction } from "@/lib/actions/posts";
import type { PostListItem } from "@/lib/validation/post-view";
import { PostThumb } from "./post-thumb";
import { excerptCaption } from "./status";

export function DraftRow({
  draft,
  workspaceId,
  canEdit,
  onDeleted,
}: {
  draft: PostListItem;
  workspaceId: string;
  canEdit: boolean;
  onDeleted: () => void;
}) {
  const confirm = useConfirm();
  const [isDeleting, startDelete] = useTransition();
  const caption = excerptCaption(draft.caption);
  const name = caption || "Untitled draft";
  const onDelete = async () => {
    const isSure = await confirm({
      title: "Delete this draft?",
      description: `“${name}” and its settings are deleted for everyone in this workspace. Its media stay in the library.`,
      confirmLabel: "Delete draft",
    });
    if (!isSure) return;
    startDelete(async () => {
      const result = await deleteDraftAction({ workspaceId, postId: draft.id });
      if (!result.ok) {
        toast.error(result.message);
        return;
      }
      toast.success("Draft deleted.");
      onDeleted();
    });
  };
  return (
    <li
      aria-label={`Draft: ${name}`}
      className="flex flex-col gap-3 py-4 first:pt-0 last:pb-0 sm:flex-row sm:items-center"
    >
      <div className="flex min-w-0 flex-1 gap-3">
        <PostThumb
          mediaId={draft.thumbnailMediaId}
          format={draft.format}
          mediaCount={draft.mediaCount}
        />
        <div className="min-w-0 flex-1">
          <p className={caption ? "text-sm text-gray-900" : "text-sm text-gray-600 italic"}>
            {caption || "No caption yet"}
          </p>
          {draft.profileNames.length ? (
            <p className="mt-1 text-xs text-gray-600">{draft.profileNames.join(", ")}</p>
          ) : null}
          <p className="mt-1 text-xs text-gray-600">
            Last saved <DateTime value={draft.updatedAt} />
          </p>
        </div>
      </div>
      {canEdit ? (
        <div className="flex gap-2 sm:ml-4">
          <Link
            href={`/compose?post=${draft.id}`}
            className={buttonVariants({ size: "sm" })}
            aria-label={`Continue editing ${name}`}
          >
            Continue editing
          </Link>
          <Button
            size="sm"
            variant="danger"
            onClick={onDelete}
            disabled={isDeleting}
            aria-label={`Delete draft ${name}`}
          >
            {isDeleting ? "Deleting…" : "Delete draft"}
          </Button>
        </div>
      ) : (
        <Link
          href={`/posts/${draft.id}`}
          className={buttonVariants({ size: "sm", variant: "secondary", className: "sm:ml-4" })}
          aria-label={`View draft ${name}`}
        >
          View draft
        </Link>
      )}
    </li>
  );
}
