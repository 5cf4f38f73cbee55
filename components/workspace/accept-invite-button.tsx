"use client";

// The confirm-then-run-the-action-in-a-transition steps repeat those of api-key-form.tsx and the
// other one-button actions: each has its own wording, error place and what follows success.

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { acceptInviteAction } from "@/lib/actions/members";

export function AcceptInviteButton({
  token,
  workspaceName,
}: {
  token: string;
  workspaceName: string;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  return (
    <div className="space-y-3">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Button
        className="w-full"
        disabled={isPending}
        onClick={() => {
          const data = new FormData();
          data.set("token", token);
          startTransition(async () => {
            const result = await acceptInviteAction(data);
            if (!result.ok) {
              setError(result.message);
              return;
            }
            router.replace("/home");
            router.refresh();
          });
        }}
      >
        {isPending ? "Joining…" : `Join ${workspaceName}`}
      </Button>
    </div>
  );
}
