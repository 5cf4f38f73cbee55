"use client";

import { X } from "lucide-react";
import { Dialog } from "radix-ui";
import { buttonVariants } from "@/components/ui/button";
import { MediaDetails } from "./media-details";
import type { MediaCardData } from "./types";

/** A file's details over the grid, so closing them returns to the same place in the library. */
export function MediaDetailsDialog({
  media,
  workspaceId,
  canEdit,
  onClose,
  onChanged,
  onDeleted,
}: {
  media: MediaCardData;
  workspaceId: string;
  canEdit: boolean;
  onClose(): void;
  onChanged(): void;
  onDeleted(ids: string[]): void;
}) {
  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-gray-950/40" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-40 max-h-[90vh] w-[calc(100vw-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-white p-5 shadow-xl">
          <div className="flex items-start justify-between gap-3">
            <Dialog.Title className="min-w-0 text-base font-semibold [overflow-wrap:anywhere] text-gray-900">
              {media.name}
            </Dialog.Title>
            <Dialog.Close className={buttonVariants({ variant: "ghost", size: "sm" })}>
              <X className="size-4" aria-hidden />
              <span className="sr-only">Close</span>
            </Dialog.Close>
          </div>
          <Dialog.Description className="sr-only">
            Facts probed from the file and TikTok&apos;s checks.
          </Dialog.Description>
          <MediaDetails
            media={media}
            workspaceId={workspaceId}
            canEdit={canEdit}
            onChanged={onChanged}
            onDeleted={(ids) => {
              onDeleted(ids);
              onClose();
            }}
          />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
