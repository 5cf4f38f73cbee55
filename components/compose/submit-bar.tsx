"use client";

import { Loader2 } from "lucide-react";
import { useFormContext, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { blockDisclosure } from "@/lib/tiktok/disclosure";
import type { ComposePostFormValues } from "@/lib/validation/post";
import { ConsentLine } from "./consent-line";
import { disclosureBlockerId } from "./disclosure-field";

const labels = { now: "Publish now", schedule: "Schedule", draft: "Save draft" } as const;
const pendingLabels = { now: "Publishing…", schedule: "Scheduling…", draft: "Saving…" } as const;

/** The consent line, then one button named by the chosen mode, disabled with the reason shown. */
export function SubmitBar({ isBusy, isPending }: { isBusy: boolean; isPending: boolean }) {
  const { control } = useFormContext<ComposePostFormValues>();
  const [mode, discloseContent, yourBrand, brandedContent] = useWatch({
    control,
    name: ["schedule.mode", "discloseContent", "yourBrand", "brandedContent"],
  });
  const current = mode ?? "now";
  const blocker =
    current === "draft"
      ? null
      : blockDisclosure({
          discloseContent: !!discloseContent,
          yourBrand: !!yourBrand,
          brandedContent: !!brandedContent,
        });
  const reason = blocker ?? (isBusy ? "Wait until the uploads finish." : null);
  return (
    <div className="space-y-3 border-t border-gray-200 pt-4">
      <ConsentLine />
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <Button
          type="submit"
          size="lg"
          disabled={!!reason || isPending}
          aria-describedby={reason ? "compose-submit-reason" : undefined}
        >
          {isPending ? <Loader2 className="size-4 animate-spin" aria-hidden /> : null}
          {isPending ? pendingLabels[current] : labels[current]}
        </Button>
        {reason ? (
          <p
            id="compose-submit-reason"
            className="text-sm text-gray-700"
            aria-describedby={blocker ? disclosureBlockerId : undefined}
          >
            {reason}
          </p>
        ) : null}
      </div>
    </div>
  );
}
