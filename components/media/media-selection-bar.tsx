"use client";

import Link from "next/link";
import { Button, buttonVariants } from "@/components/ui/button";
import { mediaVerdict } from "@/lib/tiktok";
import { DeleteMediaDialog } from "./delete-media-dialog";
import type { MediaCardData } from "./types";

/** Why the selection cannot start a post (TikTok: one video, or 1–35 photos), or null. */
export function newPostProblem(selected: MediaCardData[]): string | null {
  if (selected.some((m) => m.status !== "ready" || m.kind === "other"))
    return "Refused files cannot go into a post; untick them first.";
  if (selected.some((m) => !mediaVerdict(m).passes))
    return "TikTok won’t take some of these files; open them to see why.";
  const videos = selected.filter((m) => m.kind === "video").length;
  if (videos > 0 && selected.length > 1)
    return "A TikTok post has one video, or photos only: pick one video, or photos.";
  if (selected.length > 35) return "A photo post takes at most 35 photos.";
  return null;
}

/** What to do with the ticked files, in the order they were ticked. */
export function MediaSelectionBar({
  workspaceId,
  canEdit,
  selected,
  onClear,
  onDeleted,
}: {
  workspaceId: string;
  canEdit: boolean;
  selected: MediaCardData[];
  onClear(): void;
  onDeleted(ids: string[]): void;
}) {
  if (selected.length === 0) return null;
  const problem = newPostProblem(selected);
  const href = `/compose?media=${selected.map((m) => m.id).join(",")}`;
  return (
    <div
      role="region"
      aria-label="Selected files"
      className="sticky top-0 z-20 mb-4 flex flex-wrap items-center gap-2 rounded-lg border border-accent-200 bg-accent-50 px-3 py-2"
    >
      <p className="mr-auto text-sm font-medium text-accent-900" aria-live="polite">
        {selected.length === 1 ? "1 file selected" : `${selected.length} files selected`}
      </p>
      {canEdit ? (
        problem ? (
          <>
            <Button size="sm" disabled aria-describedby="new-post-problem">
              New post with these
            </Button>
            <p id="new-post-problem" className="w-full text-xs text-accent-900 sm:order-last">
              {problem}
            </p>
          </>
        ) : (
          <Link href={href} className={buttonVariants({ size: "sm" })}>
            New post with these
          </Link>
        )
      ) : null}
      {canEdit ? (
        <DeleteMediaDialog
          workspaceId={workspaceId}
          files={selected.map((m) => ({ id: m.id, name: m.name }))}
          onDeleted={onDeleted}
          trigger={
            <Button size="sm" variant="danger">
              Delete selected
            </Button>
          }
        />
      ) : null}
      <Button size="sm" variant="ghost" onClick={onClear}>
        Clear selection
      </Button>
    </div>
  );
}
