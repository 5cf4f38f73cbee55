"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { toast } from "@/lib/toast";
import { deleteDraftAction, duplicatePostAction } from "@/lib/actions/posts";

/**
 * Duplicate (opens the new draft in the composer) and delete a draft (after a confirm dialog),
 * shared by the list's row menu and the post page.
 */
export function usePostActions({
  workspaceId,
  postId,
  name,
  onDeleted,
}: {
  workspaceId: string;
  postId: string;
  name: string;
  onDeleted: () => void;
}) {
  const router = useRouter();
  const confirm = useConfirm();
  const [isPending, startTransition] = useTransition();
  const duplicate = () =>
    startTransition(async () => {
      const result = await duplicatePostAction({ workspaceId, postId });
      if (!result.ok) {
        toast.error(result.message);
        return;
      }
      const { droppedMedia } = result.data;
      toast.success(
        droppedMedia
          ? `Duplicated as a new draft. ${droppedMedia === 1 ? "One file is no longer in the media library and was" : `${droppedMedia} files are no longer in the media library and were`} left out.`
          : "Duplicated as a new draft.",
      );
      router.push(`/compose?post=${result.data.postId}`);
    });
  const remove = async () => {
    const isSure = await confirm({
      title: "Delete this draft?",
      description: `“${name}” and its settings are deleted for everyone in this workspace. Its media stay in the library.`,
      confirmLabel: "Delete draft",
    });
    if (!isSure) return;
    startTransition(async () => {
      const result = await deleteDraftAction({ workspaceId, postId });
      if (!result.ok) {
        toast.error(result.message);
        return;
      }
      toast.success("Draft deleted.");
      onDeleted();
    });
  };
  return { duplicate, remove, isPending };
}
