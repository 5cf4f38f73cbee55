"use client";

import { Menu, X } from "lucide-react";
import { usePathname } from "next/navigation";
import { Dialog } from "radix-ui";
import { useState, type ReactNode } from "react";
import { Logo } from "@/components/logo";
import type { WorkspaceRole } from "@/lib/validation/enums";
import { FocusFromHash } from "./focus-from-hash";
import { NavLinks } from "./nav-links";
import { UnsavedChangesProvider } from "./unsaved-changes-provider";
import { UserMenu } from "./user-menu";
import { WorkspaceSwitcher } from "./workspace-switcher";

type Props = {
  user: { name: string; email: string };
  workspaces: { id: string; name: string; role: WorkspaceRole }[];
  currentWorkspaceId: string;
  role: WorkspaceRole;
  children: ReactNode;
};

function SidebarContent({ user, workspaces, currentWorkspaceId, role }: Omit<Props, "children">) {
  return (
    <>
      <div className="mt-6">
        <WorkspaceSwitcher
          key={currentWorkspaceId}
          workspaces={workspaces}
          currentId={currentWorkspaceId}
        />
      </div>
      <div className="mt-6 flex-1">
        <NavLinks role={role} />
      </div>
      <UserMenu name={user.name} email={user.email} />
    </>
  );
}

/**
 * The signed-in frame: a fixed sidebar from 1024 px up; below that a top bar whose menu button
 * opens the same sidebar as a modal drawer (focus trapped, Escape closes, closes on navigation).
 */
export function AppShell(props: Props) {
  const pathname = usePathname();
  const [drawer, setDrawer] = useState<{ open: boolean; path: string }>({
    open: false,
    path: pathname,
  });
  const isDrawerOpen = drawer.open && drawer.path === pathname;

  return (
    <UnsavedChangesProvider>
      <FocusFromHash />
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-white px-4 py-2 text-sm font-medium text-gray-900 shadow focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
      >
        Skip to main content
      </a>
      <div className="min-h-screen lg:flex">
        <aside className="sticky top-0 hidden h-screen w-64 shrink-0 flex-col self-start border-r border-gray-200 bg-white px-4 py-5 lg:flex">
          <div className="px-2">
            <Logo />
          </div>
          <SidebarContent {...props} />
        </aside>
        <header className="sticky top-0 z-30 flex h-14 items-center justify-between gap-3 border-b border-gray-200 bg-white px-4 lg:hidden">
          <Logo />
          <Dialog.Root
            open={isDrawerOpen}
            onOpenChange={(open) => setDrawer({ open, path: pathname })}
          >
            <Dialog.Trigger className="inline-flex size-10 items-center justify-center rounded-md text-gray-700 hover:bg-gray-100">
              <Menu className="size-5" aria-hidden />
              <span className="sr-only">Open menu</span>
            </Dialog.Trigger>
            <Dialog.Portal>
              <Dialog.Overlay className="fixed inset-0 z-40 bg-gray-950/40" />
              <Dialog.Content className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col overflow-y-auto bg-white px-4 py-5 shadow-xl">
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
                <SidebarContent {...props} />
              </Dialog.Content>
            </Dialog.Portal>
          </Dialog.Root>
        </header>
        <main
          id="main"
          tabIndex={-1}
          className="min-w-0 flex-1 px-4 py-6 outline-none sm:px-6 lg:px-10 lg:py-8"
        >
          <div className="mx-auto max-w-5xl">{props.children}</div>
        </main>
      </div>
    </UnsavedChangesProvider>
  );
}
