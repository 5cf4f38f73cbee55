"use client";

import { LogOut, MonitorX, UserCog } from "lucide-react";
import Link from "next/link";
import { DropdownMenu } from "radix-ui";
import { useTransition } from "react";
import { toast } from "@/lib/toast";
import { signOutEverywhereAction } from "@/lib/actions/account";
import type { LazyMenuProps } from "./lazy-menu";
import { UserMenuFace, userMenuTriggerClass } from "./user-menu-face";

// next-auth's client (about 12 kB) loads only when someone signs out.
const signOut = async () => (await import("next-auth/react")).signOut({ callbackUrl: "/sign-in" });

const itemClass =
  "flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm text-gray-900 outline-none data-highlighted:bg-gray-100 data-disabled:cursor-default data-disabled:opacity-60";

/** The user menu itself, loaded on demand by UserMenu. */
export function UserMenuDropdown({
  name,
  email,
  defaultOpen,
  autoFocus,
}: { name: string; email: string } & LazyMenuProps) {
  const [isPending, startTransition] = useTransition();

  function onSignOutEverywhere() {
    startTransition(async () => {
      const result = await signOutEverywhereAction();
      // Already signed out (this session was ended elsewhere) counts as done.
      if (!result.ok && result.code !== "unauthorized") {
        toast.error(result.message);
        return;
      }
      await signOut();
    });
  }

  return (
    <DropdownMenu.Root defaultOpen={defaultOpen}>
      <DropdownMenu.Trigger className={userMenuTriggerClass} autoFocus={autoFocus}>
        <UserMenuFace name={name} email={email} />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          side="top"
          align="start"
          sideOffset={4}
          className="z-50 w-56 rounded-md border border-gray-200 bg-white p-1 shadow-lg"
        >
          <DropdownMenu.Item asChild className={itemClass}>
            <Link href="/account">
              <UserCog className="size-4" aria-hidden /> Account settings
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item onSelect={() => void signOut()} className={itemClass}>
            <LogOut className="size-4" aria-hidden /> Sign out
          </DropdownMenu.Item>
          <DropdownMenu.Item
            onSelect={onSignOutEverywhere}
            disabled={isPending}
            className={itemClass}
          >
            <MonitorX className="size-4" aria-hidden />
            {isPending ? "Signing out everywhere…" : "Sign out everywhere"}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
