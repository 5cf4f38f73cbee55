"use client";

import { LogOut, MonitorX } from "lucide-react";
import { signOut } from "next-auth/react";
import { DropdownMenu } from "radix-ui";
import { useState, useTransition } from "react";
import { signOutEverywhereAction } from "@/lib/actions/account";

const itemClass =
  "flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm outline-none data-highlighted:bg-gray-100 data-disabled:cursor-default data-disabled:opacity-60";

export function UserMenu({ name, email }: { name: string; email: string }) {
  const [isPending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const initials = name
    .split(/\s+/)
    .map((p) => p[0])
    .join("")
    .slice(0, 2)
    .toUpperCase();

  function onSignOutEverywhere() {
    setError(null);
    startTransition(async () => {
      const result = await signOutEverywhereAction();
      // Already signed out (this session was ended elsewhere) counts as done.
      if (!result.ok && result.code !== "unauthorized") {
        setError(result.message);
        return;
      }
      await signOut({ callbackUrl: "/sign-in" });
    });
  }

  return (
    <div>
      {error ? (
        <p role="alert" className="mb-2 rounded bg-red-50 px-2 py-1.5 text-xs text-red-700">
          {error}
        </p>
      ) : null}
      <DropdownMenu.Root>
        <DropdownMenu.Trigger
          aria-label="User menu"
          className="flex w-full items-center gap-3 rounded-md px-2 py-2 text-left hover:bg-gray-100"
        >
          <span
            className="flex size-8 shrink-0 items-center justify-center rounded-full bg-gray-900 text-xs font-semibold text-white"
            aria-hidden
          >
            {initials}
          </span>
          <span className="min-w-0">
            <span className="block truncate text-sm font-medium text-gray-900">{name}</span>
            <span className="block truncate text-xs text-gray-500">{email}</span>
          </span>
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content
            side="top"
            align="start"
            sideOffset={4}
            className="z-50 w-56 rounded-md border border-gray-200 bg-white p-1 shadow-lg"
          >
            <DropdownMenu.Item
              onSelect={() => signOut({ callbackUrl: "/sign-in" })}
              className={itemClass}
            >
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
    </div>
  );
}
