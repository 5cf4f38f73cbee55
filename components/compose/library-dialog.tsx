"use client";

// Opening a dialog when state is set repeats media-grid.tsx and post-manage-panel.tsx in shape
// only: each dialog has its own props.

import { Library } from "lucide-react";
import dynamic from "next/dynamic";
import { useState } from "react";
import type { MediaCardData } from "@/components/media/types";
import { Button } from "@/components/ui/button";

// The modal's code (Radix dialog) loads with the first press, not with the composer.
const loadView = () => import("./library-dialog-view").then((m) => m.LibraryDialogView);
const LibraryDialogView = dynamic(loadView, { ssr: false });

/** "Choose from library": the workspace's ready files, ticked ones added to the post. */
export function LibraryDialog({
  workspaceId,
  chosenIds,
  disabled,
  onAdd,
}: {
  workspaceId: string;
  chosenIds: string[];
  disabled?: boolean;
  onAdd(items: MediaCardData[]): void;
}) {
  const [isOpen, setIsOpen] = useState(false);
  return (
    <>
      <Button
        variant="secondary"
        disabled={disabled}
        aria-haspopup="dialog"
        aria-expanded={isOpen}
        onPointerEnter={() => void loadView()}
        onClick={() => setIsOpen(true)}
      >
        <Library className="size-4" aria-hidden /> Choose from library
      </Button>
      {isOpen ? (
        <LibraryDialogView
          workspaceId={workspaceId}
          chosenIds={chosenIds}
          onAdd={onAdd}
          onClose={() => setIsOpen(false)}
        />
      ) : null}
    </>
  );
}
