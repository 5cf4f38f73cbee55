"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import { changeMemberRoleAction, removeMemberAction } from "@/lib/actions/members";
import type { WorkspaceRole } from "@/lib/validation/enums";

type Member = {
  membershipId: string;
  name: string;
  email: string;
  role: WorkspaceRole;
  isSelf: boolean;
};

export function MemberRow({
  workspaceId,
  member,
  canManage,
}: {
  workspaceId: string;
  member: Member;
  canManage: boolean;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();

  function run(
    action: (fd: FormData) => Promise<{ ok: boolean; message?: string }>,
    fields: Record<string, string>,
  ) {
    const data = new FormData();
    data.set("workspaceId", workspaceId);
    data.set("membershipId", member.membershipId);
    for (const [k, v] of Object.entries(fields)) data.set(k, v);
    setError(null);
    startTransition(async () => {
      const result = await action(data);
      if (!result.ok) setError(result.message ?? "That did not work.");
      router.refresh();
    });
  }

  return (
    <li className="flex flex-wrap items-center justify-between gap-3 py-3">
      <div className="min-w-0">
        <p className="truncate text-sm font-medium text-gray-900">
          {member.name} {member.isSelf ? <span className="text-gray-500">(you)</span> : null}
        </p>
        <p className="truncate text-xs text-gray-500">{member.email}</p>
        {error ? (
          <p role="alert" className="mt-1 text-sm text-red-600">
            {error}
          </p>
        ) : null}
      </div>
      {canManage ? (
        <div className="flex items-center gap-2">
          <Select
            aria-label={`Role of ${member.name}`}
            value={member.role}
            disabled={isPending}
            onChange={(e) => run(changeMemberRoleAction, { role: e.target.value })}
            className="h-8 w-32"
          >
            <option value="owner">Owner</option>
            <option value="editor">Editor</option>
            <option value="viewer">Viewer</option>
          </Select>
          <Button
            variant="danger"
            size="sm"
            disabled={isPending}
            onClick={() => {
              if (window.confirm(`Remove ${member.name} from this workspace?`))
                run(removeMemberAction, {});
            }}
          >
            Remove
          </Button>
        </div>
      ) : (
        <Badge tone={member.role === "owner" ? "brand" : "gray"}>{member.role}</Badge>
      )}
    </li>
  );
}
