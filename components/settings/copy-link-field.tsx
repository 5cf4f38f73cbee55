"use client";

import { Copy } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/** A one-time link shown once (invite, password reset): selected on focus, copied on click. */
export function CopyLinkField({
  link,
  label,
  isCopied,
  onCopied,
}: {
  link: string;
  label: string;
  isCopied: boolean;
  onCopied: () => void;
}) {
  return (
    <div className="flex flex-col gap-2 sm:flex-row">
      <Input
        readOnly
        value={link}
        aria-label={label}
        className="font-mono text-xs"
        onFocus={(e) => e.currentTarget.select()}
      />
      <Button
        variant="secondary"
        onClick={async () => {
          await navigator.clipboard?.writeText(link).catch(() => undefined);
          onCopied();
        }}
      >
        <Copy className="size-4" aria-hidden /> {isCopied ? "Copied" : "Copy"}
      </Button>
    </div>
  );
}
