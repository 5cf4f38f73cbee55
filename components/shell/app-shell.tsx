"use client";

import { usePathname } from "next/navigation";
import { useState, type ReactNode } from "react";
import { Logo } from "@/components/logo";
import { AlertsBell } from "./alerts-bell";
import { FocusFromHash } from "./focus-from-hash";
import { MenuButtonFace, menuButtonClass } from "./menu-button";
import { SidebarContent, type SidebarProps } from "./sidebar-content";
import { UnsavedChangesProvider } from "./unsaved-changes-provider";
import { useOnDemand } from "./use-on-demand";

type Props = SidebarProps & { children: ReactNode };

const loadDrawer = () => import("./mobile-drawer").then((m) => m.MobileDrawer);

/**
 * The signed-in frame: a fixed sidebar from 1024 px up; below that a top bar whose menu button
 * opens the same sidebar as a modal drawer (focus trapped, Escape closes, closes on navigation).
 */
export function AppShell({ children, ...sidebar }: Props) {
  const pathname = usePathname();
  // The drawer's code (Radix dialog) loads when the menu button is hovered, focused or pressed.
  const [Drawer, requestDrawer] = useOnDemand(loadDrawer);
  const [hasFocus, setHasFocus] = useState(false);
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
        {/* The column paints the sidebar's background the page's whole height (a full-page
            capture included); the sidebar itself stays in view while the page scrolls. */}
        <div className="hidden w-64 shrink-0 border-r border-gray-200 bg-white lg:block">
          <aside className="sticky top-0 flex h-screen flex-col px-4 py-5">
            <div className="flex items-center justify-between gap-2 px-2">
              <Logo />
              <AlertsBell workspaceId={sidebar.currentWorkspaceId} align="left" />
            </div>
            <SidebarContent {...sidebar} />
          </aside>
        </div>
        <header className="sticky top-0 z-30 flex h-14 items-center justify-between gap-3 border-b border-gray-200 bg-white px-4 lg:hidden">
          <Logo />
          <div className="ml-auto">
            <AlertsBell workspaceId={sidebar.currentWorkspaceId} align="right" />
          </div>
          {Drawer ? (
            <Drawer
              {...sidebar}
              open={isDrawerOpen}
              onOpenChange={(open) => setDrawer({ open, path: pathname })}
              autoFocus={hasFocus}
            />
          ) : (
            <button
              type="button"
              aria-haspopup="dialog"
              aria-expanded={false}
              className={menuButtonClass}
              onPointerEnter={requestDrawer}
              onFocus={() => {
                setHasFocus(true);
                requestDrawer();
              }}
              onBlur={() => setHasFocus(false)}
              onClick={() => {
                setDrawer({ open: true, path: pathname });
                requestDrawer();
              }}
            >
              <MenuButtonFace />
            </button>
          )}
        </header>
        <main
          id="main"
          tabIndex={-1}
          className="min-w-0 flex-1 px-4 py-6 outline-none sm:px-6 lg:px-10 lg:py-8"
        >
          <div className="mx-auto max-w-5xl">{children}</div>
        </main>
      </div>
    </UnsavedChangesProvider>
  );
}
