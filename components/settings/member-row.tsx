"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition, type ReactNode } from "react";
import { toast } from "@/lib/toast";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { Select } from "@/components/ui/input";
import { changeMemberRoleAction, removeMemberAction } from "@/lib/actions/members";
import type { ActionResult } from "@/lib/errors";
import type { WorkspaceRole } from "@/lib/validation/enums";

type Member = {
  membershipId: string;
  name: string;
  email: string;
  role: WorkspaceRole;
  isSelf: boolean;
  isLastOwner: boolean;
};

const lastOwnerReason =
  "The only owner can't change their role or be removed. Make someone else an owner first.";

export function MemberRow({
  workspaceId,
  member,
  canManage,
  extraActions,
}: {
  workspaceId: string;
  member: Member;
  canManage: boolean;
  extraActions?: ReactNode;
}) {
  const router = useRouter();
  const confirm = useConfirm();
  const reasonId = useId();
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();

  function run(
    action: (fd: FormData) => Promise<ActionResult<unknown>>,
    fields: Record<string, string>,
    success: string,
  ) {
    const data = new FormData();
    data.set("workspaceId", workspaceId);
    data.set("membershipId", member.membershipId);
    for (const [k, v] of Object.entries(fields)) data.set(k, v);
    setError(null);
    startTransition(async () => {
      const result = await action(data);
      if (result.ok) toast.success(success);
      else setError(result.message);
      router.refresh();
    });
  }

  async function onRemove() {
    const ok = await confirm({
      title: member.isSelf ? "Leave this workspace?" : `Remove ${member.name}?`,
      description: member.isSelf
        ? "You will lose access to its posts, profiles and settings until someone invites you again."
        : `${member.name} (${member.email}) will lose access to this workspace at once. You can invite them again later.`,
      confirmLabel: member.isSelf ? "Leave workspace" : "Remove member",
    });
    if (ok) run(removeMemberAction, {}, `${member.name} was removed from the workspace.`);
  }

  const locked = member.isLastOwner;
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 py-3">
      <div className="min-w-0">
        <p className="truncate text-sm font-medium text-gray-900">
          {member.name} {member.isSelf ? <span className="text-gray-600">(you)</span> : null}
        </p>
        <p className="truncate text-xs text-gray-600">{member.email}</p>
        {canManage && locked ? (
          <p id={reasonId} className="mt-1 text-xs text-gray-600">
            {lastOwnerReason}
          </p>
        ) : null}
        {error ? (
          <p role="alert" className="mt-1 text-sm text-danger-700">
            {error}
          </p>
        ) : null}
      </div>
      {canManage ? (
        <div className="flex flex-wrap items-center gap-2">
          <Select
            aria-label={`Role of ${member.name}`}
            aria-describedby={locked ? reasonId : undefined}
            value={member.role}
            disabled={isPending || locked}
            onChange={(e) =>
              run(
                changeMemberRoleAction,
                { role: e.target.value },
                `${member.name} is now ${e.target.value === "viewer" ? "a" : "an"} ${e.target.value}.`,
              )
            }
            className="h-8 w-32"
          >
            <option value="owner">Owner</option>
            <option value="editor">Editor</option>
            <option value="viewer">Viewer</option>
          </Select>
          {extraActions}
          <Button
            variant="danger"
            size="sm"
            disabled={isPending || locked}
            aria-describedby={locked ? reasonId : undefined}
            onClick={onRemove}
          >
            {member.isSelf ? "Leave" : "Remove"}
          </Button>
        </div>
      ) : (
        <Badge tone={member.role === "owner" ? "accent" : "gray"}>{member.role}</Badge>
      )}
    </li>
  );
}
