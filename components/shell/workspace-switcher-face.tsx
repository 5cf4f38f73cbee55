"use client";

import { ChevronsUpDown } from "lucide-react";
import type { WorkspaceRole } from "@/lib/validation/enums";

export type Workspace = { id: string; name: string; role: WorkspaceRole };

export const switcherTriggerClass =
  "flex w-full items-center justify-between gap-2 rounded-md border border-gray-200 bg-white px-3 py-2 text-left text-sm hover:bg-gray-50";

/** The switcher button's face: the workspace on screen and the user's role in it. */
export function SwitcherFace({ current, status }: { current?: Workspace; status?: string }) {
  return (
    <>
      <span className="min-w-0">
        <span className="block truncate font-medium text-gray-900">
          {current?.name ?? "Workspace"}
        </span>
        <span className="block text-xs capitalize text-gray-600">{status ?? current?.role}</span>
        <span className="sr-only">, switch workspace</span>
      </span>
      <ChevronsUpDown className="size-4 shrink-0 text-gray-500" aria-hidden />
    </>
  );
}
