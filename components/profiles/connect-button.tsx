"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { startProfileConnectionAction } from "@/lib/actions/profiles";

/**
 * Connect TikTok for one profile group: says first that the group's current TikTok account is
 * replaced, then leaves for Postproxy's consent page.
 */
export function ConnectButton({
  workspaceId,
  groupId,
  groupName,
  replaces,
  reconnectName,
}: {
  workspaceId: string;
  groupId: string;
  groupName: string;
  /** The group already has a TikTok account, which connecting replaces. */
  replaces: boolean;
  /** Shown on a profile that needs it: "Reconnect" with the profile's name for screen readers. */
  reconnectName?: string;
}) {
  const confirm = useConfirm();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onConnect() {
    setError(null);
    const ok = await confirm({
      title: `Connect a TikTok account to ${groupName}?`,
      description: replaces
        ? `A profile group holds one TikTok account. Connecting replaces ${groupName}'s current TikTok account: posts scheduled for it will fail unless you reconnect that same account. You will be sent to TikTok's consent page and brought back here.`
        : "You will be sent to TikTok's consent page and brought back here. A profile group holds one TikTok account.",
      confirmLabel: "Continue to TikTok",
      tone: replaces ? "danger" : "primary",
    });
    if (!ok) return;
    setPending(true);
    const result = await startProfileConnectionAction({ workspaceId, groupId });
    if (result.ok) {
      window.location.assign(result.data.url);
      return;
    }
    setPending(false);
    setError(result.message);
  }

  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        type="button"
        variant="secondary"
        size="sm"
        onClick={onConnect}
        disabled={pending}
        aria-label={reconnectName ? `Reconnect ${reconnectName}` : `Connect TikTok to ${groupName}`}
      >
        {pending ? "Opening TikTok…" : reconnectName ? "Reconnect" : "Connect TikTok"}
      </Button>
      {error ? (
        <p role="alert" className="max-w-xs text-right text-xs text-danger-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
