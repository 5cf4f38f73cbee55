"use client";

// The confirm-then-run-the-action-in-a-transition steps repeat those of api-key-form.tsx and the
// other one-button actions: each has its own wording, error place and what follows success.

import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { signOutEverywhereAction } from "@/lib/actions/account";

export function SignOutEverywhere() {
  const confirm = useConfirm();
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();

  async function onClick() {
    const ok = await confirm({
      title: "Sign out everywhere?",
      description:
        "Every browser and device signed in to your account is signed out, this one included.",
      confirmLabel: "Sign out everywhere",
    });
    if (!ok) return;
    setError(null);
    startTransition(async () => {
      const result = await signOutEverywhereAction();
      if (!result.ok && result.code !== "unauthorized") {
        setError(result.message);
        return;
      }
      const { signOut } = await import("next-auth/react");
      await signOut({ callbackUrl: "/sign-in" });
    });
  }

  return (
    <div className="space-y-3">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-gray-600">
          Lost a laptop or signed in on a shared computer? End every session at once.
        </p>
        <Button variant="danger" disabled={isPending} onClick={onClick}>
          {isPending ? "Signing out…" : "Sign out everywhere"}
        </Button>
      </div>
    </div>
  );
}
