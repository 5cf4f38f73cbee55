"use client";

import { Dialog } from "radix-ui";
import { useState, useTransition } from "react";
import { toast } from "@/lib/toast";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { CopyLinkField } from "./copy-link-field";
import { issueResetLinkAction } from "@/lib/actions/password-reset";

/** An owner helps a member who forgot their password: a one-time link, emailed or shown once. */
export function ResetLinkButton({
  workspaceId,
  membershipId,
  memberName,
}: {
  workspaceId: string;
  membershipId: string;
  memberName: string;
}) {
  const confirm = useConfirm();
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [isPending, startTransition] = useTransition();

  async function onClick() {
    const ok = await confirm({
      title: `Reset ${memberName}'s password?`,
      description:
        "You get a link that lets whoever opens it choose a new password for this account, once, within an hour. Using it signs the account out everywhere. Send it to them privately.",
      confirmLabel: "Create reset link",
      tone: "primary",
    });
    if (!ok) return;
    const data = new FormData();
    data.set("workspaceId", workspaceId);
    data.set("membershipId", membershipId);
    startTransition(async () => {
      const result = await issueResetLinkAction(data);
      if (!result.ok) {
        toast.error(result.message);
        return;
      }
      if (result.data.emailed) toast.success(`A reset link was emailed to ${memberName}.`);
      else {
        setCopied(false);
        setLink(result.data.link);
      }
    });
  }

  return (
    <>
      <Button variant="secondary" size="sm" disabled={isPending} onClick={onClick}>
        <span className="sr-only">{memberName}: </span>Reset password
      </Button>
      <Dialog.Root open={link !== null} onOpenChange={(open) => !open && setLink(null)}>
        <Dialog.Portal>
          <Dialog.Overlay className="fixed inset-0 z-50 bg-gray-950/40" />
          <Dialog.Content className="fixed top-1/2 left-1/2 z-50 w-[calc(100vw-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-6 shadow-xl">
            <Dialog.Title className="text-base font-semibold text-gray-900">
              Reset link for {memberName}
            </Dialog.Title>
            <Dialog.Description className="mt-2 text-sm text-gray-600">
              Copy it now and send it privately: it works once, for one hour, and Postdeck cannot
              show it again.
            </Dialog.Description>
            <div className="mt-4">
              <CopyLinkField
                link={link ?? ""}
                label="Password reset link"
                isCopied={copied}
                onCopied={() => setCopied(true)}
              />
            </div>
            <div className="mt-6 flex justify-end">
              <Dialog.Close className="inline-flex h-10 items-center rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700">
                Done
              </Dialog.Close>
            </div>
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
    </>
  );
}
