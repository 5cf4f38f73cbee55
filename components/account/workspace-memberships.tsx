"use client";

// The confirm-then-run-the-action-in-a-transition steps repeat those of api-key-form.tsx and the
// other one-button actions: each has its own wording, error place and what follows success.

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "@/lib/toast";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { leaveWorkspaceAction } from "@/lib/actions/profile";
import type { WorkspaceRole } from "@/lib/validation/enums";

type Membership = { id: string; name: string; role: WorkspaceRole; isLastOwner: boolean };

export function WorkspaceMemberships({ workspaces }: { workspaces: Membership[] }) {
  const router = useRouter();
  const confirm = useConfirm();
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();

  async function onLeave(workspace: Membership) {
    const ok = await confirm({
      title: `Leave ${workspace.name}?`,
      description:
        "You lose access to its posts, profiles and settings at once. An owner can invite you again.",
      confirmLabel: "Leave workspace",
    });
    if (!ok) return;
    const data = new FormData();
    data.set("workspaceId", workspace.id);
    setError(null);
    startTransition(async () => {
      const result = await leaveWorkspaceAction(data);
      if (!result.ok) {
        setError(result.message);
        return;
      }
      toast.success(`You left ${workspace.name}.`);
      router.refresh();
    });
  }

  return (
    <div className="space-y-2">
      {error ? (
        <p role="alert" className="text-sm text-danger-700">
          {error}
        </p>
      ) : null}
      <ul className="divide-y divide-gray-100">
        {workspaces.map((w) => (
          <li key={w.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
            <div className="min-w-0">
              <p className="flex items-center gap-2 text-sm font-medium text-gray-900">
                <span className="truncate">{w.name}</span>
                <Badge tone={w.role === "owner" ? "accent" : "gray"}>{w.role}</Badge>
              </p>
              {w.isLastOwner ? (
                <p id={`leave-reason-${w.id}`} className="mt-1 text-xs text-gray-600">
                  You are its only owner. Make someone else an owner before you leave.
                </p>
              ) : null}
            </div>
            <Button
              variant="danger"
              size="sm"
              disabled={isPending || w.isLastOwner}
              aria-describedby={w.isLastOwner ? `leave-reason-${w.id}` : undefined}
              aria-label={`Leave ${w.name}`}
              onClick={() => onLeave(w)}
            >
              Leave
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}
