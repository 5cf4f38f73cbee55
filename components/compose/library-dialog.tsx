"use client";

import { Library } from "lucide-react";
import dynamic from "next/dynamic";
import { useState } from "react";
import type { MediaCardData } from "@/components/media/types";
import { Button } from "@/components/ui/button";

/** Reads the files named (a file just uploaded) through the library route. */
export async function fetchLibrary(workspaceId: string, ids: string[] = []) {
  const query = new URLSearchParams({ workspaceId });
  for (const id of ids) query.append("id", id);
  const res = await fetch(`/api/media/library?${query}`, { cache: "no-store" });
  const body = (await res.json().catch(() => null)) as {
    items?: MediaCardData[];
    error?: string;
  } | null;
  if (!res.ok || !body?.items)
    throw new Error(body?.error ?? "The media library could not be loaded. Try again.");
  return body.items;
}

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
