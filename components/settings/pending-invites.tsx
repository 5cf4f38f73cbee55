"use client";

// A divided list like getting-started.tsx's: rows differ in content and layout, the list is plain
// markup.

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "@/lib/toast";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DateTime } from "@/components/ui/date-time";
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
  if (invites.length === 0)
    return (
      <p className="text-sm text-gray-600">
        No pending invites. Create a link above and send it to a teammate.
      </p>
    );
  return (
    <ul className="divide-y divide-gray-100">
      {invites.map((invite) => (
        <li
          key={invite.id}
          className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm"
        >
          <span className="flex items-center gap-2">
            <Badge>{invite.role}</Badge>
            <span className="text-gray-600">
              expires <DateTime value={invite.expiresAt} />
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
                const result = await revokeInviteAction(data);
                if (result.ok) toast.success("Invite withdrawn. Its link no longer works.");
                else toast.error(result.message);
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
