"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { revokeInviteAction } from "@/lib/actions/members";

type Invite = { id: string; role: string; expiresAt: string };

export function PendingInvites({
  workspaceId,
  invites,
}: {
  workspaceId: string;
  invites: Invite[];
}) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  if (invites.length === 0) return <p className="text-sm text-gray-500">No pending invites.</p>;
  return (
    <ul className="divide-y divide-gray-100">
      {invites.map((invite) => (
        <li key={invite.id} className="flex items-center justify-between py-2 text-sm">
          <span className="flex items-center gap-2">
            <Badge>{invite.role}</Badge>
            <span className="text-gray-600">
              expires {new Date(invite.expiresAt).toLocaleString()}
            </span>
          </span>
          <Button
            variant="ghost"
            size="sm"
            disabled={isPending}
            onClick={() => {
              const data = new FormData();
              data.set("workspaceId", workspaceId);
              data.set("inviteId", invite.id);
              startTransition(async () => {
                await revokeInviteAction(data);
                router.refresh();
              });
            }}
          >
            Withdraw
          </Button>
        </li>
      ))}
    </ul>
  );
}
