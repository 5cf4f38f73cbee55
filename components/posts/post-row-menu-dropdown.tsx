"use client";

import { Copy, MoreHorizontal, PenSquare, Trash2 } from "lucide-react";
import Link from "next/link";
import { DropdownMenu } from "radix-ui";
import type { LazyMenuProps } from "@/components/shell/lazy-menu";
import { usePostActions } from "./post-actions";
import {
  postRowMenuLabel,
  postRowMenuTriggerClass,
  type PostRowMenuProps,
} from "./post-row-menu-face";

const itemClass =
  "flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm text-gray-900 outline-none data-highlighted:bg-gray-100 data-disabled:cursor-default data-disabled:opacity-60";

/** The row's menu itself (Radix), loaded on demand by PostRowMenu. */
export function PostRowMenuDropdown({
  postId,
  name,
  isDraft,
  workspaceId,
  onDeleted,
  defaultOpen,
  autoFocus,
}: PostRowMenuProps & LazyMenuProps) {
  const { duplicate, remove, isPending } = usePostActions({
    workspaceId,
    postId,
    name,
    onDeleted,
  });
  return (
    <DropdownMenu.Root defaultOpen={defaultOpen}>
      <DropdownMenu.Trigger
        className={postRowMenuTriggerClass}
        aria-label={postRowMenuLabel(isDraft, name)}
        disabled={isPending}
        autoFocus={autoFocus}
      >
        <MoreHorizontal className="size-5" aria-hidden />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={4}
          className="z-50 w-52 rounded-md border border-gray-200 bg-white p-1 shadow-lg"
        >
          {isDraft ? (
            <DropdownMenu.Item asChild className={itemClass}>
              <Link href={`/compose?post=${postId}`}>
                <PenSquare className="size-4" aria-hidden /> Continue editing
              </Link>
            </DropdownMenu.Item>
          ) : null}
          <DropdownMenu.Item onSelect={duplicate} className={itemClass}>
            <Copy className="size-4" aria-hidden /> Duplicate as a new draft
          </DropdownMenu.Item>
          {isDraft ? (
            <DropdownMenu.Item
              onSelect={() => void remove()}
              className={`${itemClass} text-danger-700`}
            >
              <Trash2 className="size-4" aria-hidden /> Delete draft
            </DropdownMenu.Item>
          ) : null}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
