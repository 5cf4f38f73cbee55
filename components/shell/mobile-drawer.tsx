"use client";

import { X } from "lucide-react";
import { Dialog } from "radix-ui";
import { Logo } from "@/components/logo";
import { MenuButtonFace, menuButtonClass } from "./menu-button";
import { SidebarContent, type SidebarProps } from "./sidebar-content";

/** The phone drawer: the sidebar in a modal (focus trapped, Escape closes); loaded on demand. */
export function MobileDrawer({
  open,
  onOpenChange,
  autoFocus,
  ...sidebar
}: SidebarProps & { open: boolean; onOpenChange(open: boolean): void; autoFocus: boolean }) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Trigger className={menuButtonClass} autoFocus={autoFocus}>
        <MenuButtonFace />
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-gray-950/40" />
        <Dialog.Content
          className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col overflow-y-auto bg-white px-4 py-5 shadow-xl"
          // A followed link closes the drawer, the current page's own included (Compose on the
          // composer starts a new post without changing the path).
          onClick={(event) => {
            if ((event.target as Element).closest("a[href]")) onOpenChange(false);
          }}
        >
          <div className="flex items-center justify-between px-2">
            <Logo />
            <Dialog.Close className="inline-flex size-9 items-center justify-center rounded-md text-gray-700 hover:bg-gray-100">
              <X className="size-5" aria-hidden />
              <span className="sr-only">Close menu</span>
            </Dialog.Close>
          </div>
          <Dialog.Title className="sr-only">Menu</Dialog.Title>
          <Dialog.Description className="sr-only">
            Workspace, pages and your account.
          </Dialog.Description>
          <SidebarContent {...sidebar} />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
