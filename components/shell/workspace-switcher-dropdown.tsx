"use client";

// Same Radix dropdown frame as post-row-menu-dropdown.tsx: alignment, width and items differ, and
// the frame is Radix's own API, so no wrapper of ours is added.

import { Check, Plus } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { DropdownMenu } from "radix-ui";
import { useTransition } from "react";
import { toast } from "@/lib/toast";
import { switchWorkspaceAction } from "@/lib/actions/workspace";
import { useUnsavedChangesGuard } from "@/lib/hooks/use-unsaved-changes";
import type { LazyMenuProps } from "./lazy-menu";
import { SwitcherFace, switcherTriggerClass, type Workspace } from "./workspace-switcher-face";

/** The workspace menu itself, loaded on demand by WorkspaceSwitcher. */
export function WorkspaceSwitcherDropdown({
  workspaces,
  currentId,
  defaultOpen,
  autoFocus,
}: { workspaces: Workspace[]; currentId: string } & LazyMenuProps) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const confirmLeave = useUnsavedChangesGuard();
  const current = workspaces.find((w) => w.id === currentId);

  async function onSelect(id: string) {
    if (id === currentId) return;
    // Unsaved edits belong to the workspace on screen; ask before the page re-renders for another.
    if (!(await confirmLeave())) return;
    startTransition(async () => {
      const result = await switchWorkspaceAction({ workspaceId: id });
      if (result.ok) router.refresh();
      else toast.error(result.message);
    });
  }

  return (
    <DropdownMenu.Root defaultOpen={defaultOpen}>
      <DropdownMenu.Trigger className={switcherTriggerClass} autoFocus={autoFocus}>
        <SwitcherFace current={current} status={isPending ? "Switching…" : undefined} />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="start"
          sideOffset={4}
          className="z-50 w-60 rounded-md border border-gray-200 bg-white p-1 shadow-lg"
        >
          <DropdownMenu.Label className="px-2 py-1.5 text-xs font-medium text-gray-600">
            Workspaces
          </DropdownMenu.Label>
          {workspaces.map((w) => (
            <DropdownMenu.Item
              key={w.id}
              onSelect={() => onSelect(w.id)}
              className="flex cursor-pointer items-center justify-between rounded px-2 py-1.5 text-sm outline-none data-highlighted:bg-gray-100"
            >
              <span className="truncate">{w.name}</span>
              {w.id === currentId ? (
                <Check className="size-4 text-accent-700" aria-label="current" />
              ) : null}
            </DropdownMenu.Item>
          ))}
          <DropdownMenu.Separator className="my-1 h-px bg-gray-100" />
          <DropdownMenu.Item
            asChild
            className="flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm outline-none data-highlighted:bg-gray-100"
          >
            <Link href="/welcome">
              <Plus className="size-4" aria-hidden /> New workspace
            </Link>
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
