"use client";

import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { setAlertEmailPreferenceAction } from "@/lib/actions/alerts";
import { toast } from "@/lib/toast";

/** The member's own switch for alert emails in the current workspace. */
export function AlertEmailForm({
  workspaceId,
  isOn,
  canReceive,
}: {
  workspaceId: string;
  isOn: boolean;
  canReceive: boolean;
}) {
  const [checked, setChecked] = useState(isOn);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();

  function onChange(next: boolean) {
    setError(null);
    setChecked(next);
    startTransition(async () => {
      const result = await setAlertEmailPreferenceAction({
        workspaceId,
        emailAlerts: next ? "on" : "off",
      });
      if (!result.ok) {
        setChecked(!next);
        setError(result.message);
        return;
      }
      toast.success(next ? "Email alerts turned on." : "Email alerts turned off.");
    });
  }

  return (
    <div className="space-y-3">
      <label className="flex items-start gap-3 text-sm text-gray-900">
        <input
          type="checkbox"
          className="mt-0.5 size-4"
          checked={checked}
          disabled={isPending}
          aria-describedby="alert-email-hint"
          onChange={(e) => onChange(e.target.checked)}
        />
        <span>Email me alerts from this workspace</span>
      </label>
      <p id="alert-email-hint" className="text-sm text-gray-600">
        {canReceive
          ? "Failed posts and profiles that need reconnecting, one email per event (a digest when more than five arrive within ten minutes). Email goes out only when the server has SMTP configured."
          : "Alert emails go to editors and owners; as a viewer you see alerts in the bell only."}
      </p>
      <div aria-live="polite">{error ? <Alert tone="error">{error}</Alert> : null}</div>
    </div>
  );
}
