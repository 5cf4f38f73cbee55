"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DateTime } from "@/components/ui/date-time";
import { excerptCaption } from "@/components/posts/status";
import { countOf } from "@/lib/format/plural";
import type { LocalDraft } from "./local-draft";

/** "Compose" starts a new post; the one left with unsaved edits is a visible choice, not a merge. */
export function UnsavedPostOffer({
  draft,
  onContinue,
  onDiscard,
}: {
  draft: LocalDraft;
  onContinue(): void;
  onDiscard(): void;
}) {
  const caption = excerptCaption(draft.values.caption ?? "", 60);
  return (
    <Alert tone="info">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="min-w-0">
          You left a post with unsaved changes: {caption ? `“${caption}”, ` : ""}
          {countOf(draft.media.length, "file")}, edited <DateTime value={draft.updatedAt} />. This
          one is a new post.
        </p>
        <div className="flex flex-wrap gap-2">
          <Button type="button" size="sm" onClick={onContinue}>
            Continue your unsaved post
          </Button>
          <Button type="button" size="sm" variant="ghost" onClick={onDiscard}>
            Discard the changes
          </Button>
        </div>
      </div>
    </Alert>
  );
}
