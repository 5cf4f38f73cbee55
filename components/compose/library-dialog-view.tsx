"use client";

import { Film, Image as ImageIcon, X } from "lucide-react";
import { Dialog } from "radix-ui";
import { useEffect, useState } from "react";
import type { MediaCardData } from "@/components/media/types";
import { Button, buttonVariants } from "@/components/ui/button";
import { formatBytes, formatDuration, mediaVerdict } from "@/lib/tiktok";
import { fetchLibrary } from "./fetch-library";

type Load =
  | { state: "loading" }
  | { state: "error"; message: string }
  | { state: "ready"; items: MediaCardData[] };

function detail(m: MediaCardData) {
  const dims = m.width && m.height ? `${m.width}×${m.height}` : null;
  const length = m.durationSec !== null ? formatDuration(m.durationSec) : null;
  return [formatBytes(m.size), length, dims].filter(Boolean).join(" · ");
}

export type LibraryDialogViewProps = {
  workspaceId: string;
  chosenIds: string[];
  onAdd(items: MediaCardData[]): void;
  onClose(): void;
};

/** The library's modal (Radix dialog), loaded when "Choose from library" is first pressed. */
export function LibraryDialogView({
  workspaceId,
  chosenIds,
  onAdd,
  onClose,
}: LibraryDialogViewProps) {
  const [load, setLoad] = useState<Load>({ state: "loading" });
  const [picked, setPicked] = useState<string[]>([]);
  useEffect(() => {
    let isCurrent = true;
    fetchLibrary(workspaceId).then(
      (items) => isCurrent && setLoad({ state: "ready", items }),
      (e: Error) => isCurrent && setLoad({ state: "error", message: e.message }),
    );
    return () => {
      isCurrent = false;
    };
  }, [workspaceId]);
  const toggle = (id: string) =>
    setPicked((list) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]));
  const items = load.state === "ready" ? load.items : [];
  const confirm = () => {
    onAdd(picked.flatMap((id) => items.filter((m) => m.id === id)));
    onClose();
  };

  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-gray-950/40" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 flex max-h-[85vh] w-[calc(100vw-2rem)] max-w-3xl -translate-x-1/2 -translate-y-1/2 flex-col rounded-lg bg-white shadow-xl">
          <div className="flex items-start justify-between gap-4 border-b border-gray-200 p-5">
            <div>
              <Dialog.Title className="text-base font-semibold text-gray-900">
                Choose from library
              </Dialog.Title>
              <Dialog.Description className="mt-1 text-sm text-gray-600">
                Tick the videos or photos to add; files already in the post are marked.
              </Dialog.Description>
            </div>
            <Dialog.Close className={buttonVariants({ variant: "ghost", size: "sm" })}>
              <X className="size-4" aria-hidden />
              <span className="sr-only">Close</span>
            </Dialog.Close>
          </div>
          <div className="min-h-40 flex-1 overflow-y-auto p-5" aria-busy={load.state === "loading"}>
            {load.state === "loading" ? <p className="text-sm text-gray-600">Loading…</p> : null}
            {load.state === "error" ? (
              <p role="alert" className="text-sm text-danger-700">
                {load.message}
              </p>
            ) : null}
            {load.state === "ready" && items.length === 0 ? (
              <p className="text-sm text-gray-600">
                No ready videos or photos yet. Upload files here or on the Media page.
              </p>
            ) : null}
            <ul aria-label="Library files" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
              {items.map((m) => {
                const inPost = chosenIds.includes(m.id);
                const verdict = mediaVerdict(m);
                const Icon = m.kind === "video" ? Film : ImageIcon;
                return (
                  <li key={m.id}>
                    <label className="flex cursor-pointer gap-3 rounded-md border border-gray-200 p-2 has-checked:border-accent-600 has-checked:bg-accent-50 has-disabled:cursor-default has-disabled:opacity-70">
                      <input
                        type="checkbox"
                        className="mt-1 size-4 accent-accent-700"
                        checked={inPost || picked.includes(m.id)}
                        disabled={inPost}
                        onChange={() => toggle(m.id)}
                      />
                      <span className="relative flex size-14 shrink-0 items-center justify-center overflow-hidden rounded bg-gray-100">
                        {m.hasThumbnail ? (
                          // eslint-disable-next-line @next/next/no-img-element -- an authorized API route
                          <img
                            src={`/api/media/${m.id}/thumbnail`}
                            alt=""
                            className="absolute inset-0 size-full object-cover"
                          />
                        ) : (
                          <Icon className="size-6 text-gray-400" aria-hidden />
                        )}
                      </span>
                      <span className="min-w-0 text-sm">
                        <span className="block truncate font-medium text-gray-900">{m.name}</span>
                        <span className="block text-xs text-gray-500">{detail(m)}</span>
                        <span
                          className={
                            verdict.passes ? "text-xs text-green-700" : "text-xs text-danger-700"
                          }
                        >
                          {inPost
                            ? "In this post"
                            : verdict.passes
                              ? "Ready for TikTok"
                              : verdict.reasons[0]}
                        </span>
                      </span>
                    </label>
                  </li>
                );
              })}
            </ul>
          </div>
          <div className="flex flex-col-reverse gap-2 border-t border-gray-200 p-4 sm:flex-row sm:justify-end">
            <Dialog.Close className={buttonVariants({ variant: "secondary" })}>Cancel</Dialog.Close>
            <Button onClick={confirm} disabled={picked.length === 0}>
              {picked.length === 1 ? "Add 1 file" : `Add ${picked.length} files`}
            </Button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
