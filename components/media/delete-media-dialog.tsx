"use client";

import { AlertDialog } from "radix-ui";
import { useState, useTransition, type ReactNode } from "react";
import { toast } from "@/lib/toast";
import { Button, buttonVariants } from "@/components/ui/button";
import { deleteMediaFilesAction } from "@/lib/actions/media";

type File = { id: string; name: string };
type Step =
  | { kind: "ask" }
  | { kind: "drafts"; files: (File & { drafts: number })[]; refused: (File & { reason: string })[] }
  | { kind: "refused"; refused: (File & { reason: string })[] };

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Deletes one or several files. Files an unfinished post uses are refused with the reason; files
 * used only by drafts are named first and go only after "Delete anyway".
 */
export function DeleteMediaDialog({
  workspaceId,
  files,
  trigger,
  onDeleted,
}: {
  workspaceId: string;
  files: File[];
  trigger: ReactNode;
  onDeleted(ids: string[]): void;
}) {
  const [open, setOpen] = useState(false);
  const [step, setStep] = useState<Step>({ kind: "ask" });
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const title = files.length === 1 ? `Delete “${files[0].name}”?` : `Delete ${files.length} files?`;

  const run = (confirmDrafts: boolean) => {
    setError(null);
    startTransition(async () => {
      const result = await deleteMediaFilesAction({
        workspaceId,
        mediaIds: files.map((f) => f.id),
        confirmDrafts,
      });
      if (!result.ok) {
        setError(result.message);
        return;
      }
      const { deleted, refused, needsConfirm } = result.data;
      if (needsConfirm.length > 0) {
        setStep({ kind: "drafts", files: needsConfirm, refused });
        return;
      }
      if (deleted.length > 0) {
        toast.success(
          deleted.length === 1
            ? `Deleted “${deleted[0].name}”.`
            : `Deleted ${plural(deleted.length, "file", "files")}.`,
        );
        onDeleted(deleted.map((d) => d.id));
      }
      if (refused.length > 0) setStep({ kind: "refused", refused });
      else setOpen(false);
    });
  };

  const refusedList = (refused: (File & { reason: string })[]) => (
    <div role="alert" className="mt-3 rounded-md bg-danger-50 px-3 py-2 text-sm text-danger-800">
      <p className="font-medium">{plural(refused.length, "file was", "files were")} not deleted:</p>
      <ul className="mt-1 list-disc space-y-1 pl-5 [overflow-wrap:anywhere]">
        {refused.map((r) => (
          <li key={r.id}>{r.reason}</li>
        ))}
      </ul>
    </div>
  );

  return (
    <AlertDialog.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) {
          setError(null);
          setStep({ kind: "ask" });
        }
      }}
    >
      <AlertDialog.Trigger asChild>{trigger}</AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-50 bg-gray-900/40" />
        <AlertDialog.Content className="fixed top-1/2 left-1/2 z-50 max-h-[85vh] w-[calc(100%-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-white p-6 shadow-lg">
          <AlertDialog.Title className="text-base font-semibold [overflow-wrap:anywhere] text-gray-900">
            {step.kind === "refused" ? "Some files were kept" : title}
          </AlertDialog.Title>
          <AlertDialog.Description className="mt-2 text-sm text-gray-600">
            {step.kind === "ask"
              ? "Files leave the media library for everyone in this workspace. Posts already published on TikTok are not affected."
              : step.kind === "drafts"
                ? "Nothing was deleted yet. These files are in drafts; if you delete them, those drafts show them as missing."
                : "A post that is not finished still needs these files."}
          </AlertDialog.Description>
          {step.kind === "drafts" ? (
            <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-gray-800 [overflow-wrap:anywhere]">
              {step.files.map((f) => (
                <li key={f.id}>
                  “{f.name}” is in {plural(f.drafts, "draft", "drafts")}.
                </li>
              ))}
            </ul>
          ) : null}
          {step.kind !== "ask" && step.refused.length > 0 ? refusedList(step.refused) : null}
          {error ? (
            <p
              role="alert"
              className="mt-3 rounded-md bg-danger-50 px-3 py-2 text-sm text-danger-800"
            >
              {error}
            </p>
          ) : null}
          <div className="mt-6 flex flex-wrap justify-end gap-2">
            <AlertDialog.Cancel className={buttonVariants({ variant: "secondary" })}>
              {step.kind === "refused" ? "Close" : "Cancel"}
            </AlertDialog.Cancel>
            {step.kind === "refused" ? null : (
              <Button
                variant="danger"
                onClick={() => run(step.kind === "drafts")}
                disabled={isPending}
              >
                {isPending ? "Deleting…" : step.kind === "drafts" ? "Delete anyway" : "Delete"}
              </Button>
            )}
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
