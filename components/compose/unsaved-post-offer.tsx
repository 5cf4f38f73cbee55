"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DateTime } from "@/components/ui/date-time";
import { excerptCaption } from "@/components/posts/status";
import { countOf } from "@/lib/format/plural";
import type { LocalDraft } from "./local-draft";

/**
 * "Compose" starts a new post; the one left is a visible choice, not a merge, whether its save
 * had landed or not when Compose was pressed.
 */
export function UnsavedPostOffer({
  draft,
  isContinuing,
  onContinue,
  onDiscard,
}: {
  draft: LocalDraft;
  isContinuing: boolean;
  onContinue(): void;
  onDiscard(): void;
}) {
  const caption = excerptCaption(draft.values.caption ?? "", 60);
  const isSaved = draft.isSynced && !!draft.postId;
  return (
    <Alert tone="info">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="min-w-0">
          {isSaved
            ? "You left a post, saved in Drafts: "
            : "You left a post with unsaved changes: "}
          {caption ? `“${caption}”, ` : ""}
          {countOf(draft.media.length, "file")}, edited <DateTime value={draft.updatedAt} />. This
          one is a new post.
        </p>
        <div className="flex flex-wrap gap-2">
          <Button type="button" size="sm" onClick={onContinue} disabled={isContinuing}>
            Continue your unsaved post
          </Button>
          <Button
            type="button"
            size="sm"
            variant="ghost"
            onClick={onDiscard}
            disabled={isContinuing}
          >
            {isSaved ? "Dismiss" : "Discard the changes"}
          </Button>
        </div>
      </div>
    </Alert>
  );
}
