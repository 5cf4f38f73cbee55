"use client";

import type { ExternalToast } from "sonner";

/**
 * Toasts without shipping sonner on every first load: the first toast loads it and mounts the
 * Toaster (components/ui/toaster.tsx), which replays the toasts created before it subscribed.
 * Import `toast` from here, never from "sonner" (lint enforces it): a toast sent through sonner
 * directly would not mount the Toaster.
 */
type Kind = "success" | "error" | "info" | "warning" | "message";

let isWanted = false;
const listeners = new Set<() => void>();

export function subscribeToasterWanted(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const isToasterWanted = () => isWanted;

function show(kind: Kind, message: string, data?: ExternalToast) {
  if (!isWanted) {
    isWanted = true;
    for (const listener of listeners) listener();
  }
  void import("sonner").then(({ toast: sonner }) => sonner[kind](message, data));
}

export const toast = {
  success: (message: string, data?: ExternalToast) => show("success", message, data),
  error: (message: string, data?: ExternalToast) => show("error", message, data),
  info: (message: string, data?: ExternalToast) => show("info", message, data),
  warning: (message: string, data?: ExternalToast) => show("warning", message, data),
  message: (message: string, data?: ExternalToast) => show("message", message, data),
};
