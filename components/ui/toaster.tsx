"use client";

import dynamic from "next/dynamic";
import { useSyncExternalStore } from "react";
import { isToasterWanted, subscribeToasterWanted } from "@/lib/toast";

const Sonner = dynamic(() => import("sonner").then((m) => m.Toaster), { ssr: false });

/**
 * Success feedback: short-lived toasts, announced politely; errors stay inline next to their cause.
 * Mounted with the first toast, so pages that show none do not load sonner.
 */
export function Toaster() {
  const isWanted = useSyncExternalStore(subscribeToasterWanted, isToasterWanted, () => false);
  if (!isWanted) return null;
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
