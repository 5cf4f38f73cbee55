"use client";

import { Toaster as Sonner } from "sonner";

/** Success feedback: short-lived toasts, announced politely; errors stay inline next to their cause. */
export function Toaster() {
  return (
    <Sonner
      position="bottom-right"
      richColors
      closeButton
      duration={4000}
      toastOptions={{ classNames: { toast: "text-sm" } }}
    />
  );
}
