"use client";

// The props and router/hook opening match other client components in shape only.

import { Copy, Trash2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Button, buttonVariants } from "@/components/ui/button";
import { usePostActions } from "./post-actions";

/** The post page's header actions for editors: duplicate any post; continue or delete a draft. */
export function PostPageActions({
  workspaceId,
  postId,
  name,
  isDraft,
}: {
  workspaceId: string;
  postId: string;
  name: string;
  isDraft: boolean;
}) {
  const router = useRouter();
  const { duplicate, remove, isPending } = usePostActions({
    workspaceId,
    postId,
    name,
    onDeleted: () => router.push("/posts?tab=drafts"),
  });
  return (
    <div className="flex flex-wrap gap-2">
      {isDraft ? (
        <Link href={`/compose?post=${postId}`} className={buttonVariants()}>
          Continue editing
        </Link>
      ) : null}
      <Button variant="secondary" onClick={duplicate} disabled={isPending}>
        <Copy className="size-4" aria-hidden />
        Duplicate
      </Button>
      {isDraft ? (
        <Button variant="danger" onClick={() => void remove()} disabled={isPending}>
          <Trash2 className="size-4" aria-hidden />
          Delete draft
        </Button>
      ) : null}
    </div>
  );
}
