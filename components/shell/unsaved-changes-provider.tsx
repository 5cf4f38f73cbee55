"use client";

import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, type ReactNode } from "react";
import { useConfirm } from "@/components/ui/confirm-dialog";
import {
  UnsavedChangesContext,
  type UnsavedChangesRegistry,
} from "@/lib/hooks/use-unsaved-changes";

/**
 * Knows which forms hold unsaved edits. Switching workspace or following an in-app link while one
 * does asks first, in an accessible dialog.
 */
export function UnsavedChangesProvider({ children }: { children: ReactNode }) {
  const confirm = useConfirm();
  const router = useRouter();
  const dirty = useRef(new Set<string>());

  const registry = useMemo<UnsavedChangesRegistry>(
    () => ({
      setDirty: (id, isDirty) => {
        if (isDirty) dirty.current.add(id);
        else dirty.current.delete(id);
      },
      confirmLeave: async () => {
        if (dirty.current.size === 0) return true;
        const ok = await confirm({
          title: "Discard unsaved changes?",
          description:
            "This page has changes that are not saved yet. If you continue, they will be lost.",
          confirmLabel: "Discard changes",
          cancelLabel: "Keep editing",
        });
        if (ok) dirty.current.clear();
        return ok;
      },
    }),
    [confirm],
  );

  useEffect(() => {
    // Captured on the document, before Next's Link handler, so an in-app link waits for the answer.
    function onClick(event: MouseEvent) {
      if (dirty.current.size === 0 || event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const anchor = (event.target as Element | null)?.closest?.("a[href]");
      if (!(anchor instanceof HTMLAnchorElement) || anchor.target === "_blank") return;
      const url = new URL(anchor.href, window.location.href);
      if (url.origin !== window.location.origin) return;
      if (url.pathname === window.location.pathname && url.search === window.location.search)
        return;
      event.preventDefault();
      event.stopPropagation();
      void registry.confirmLeave().then((ok) => {
        if (ok) router.push(`${url.pathname}${url.search}${url.hash}`);
      });
    }
    document.addEventListener("click", onClick, true);
    return () => document.removeEventListener("click", onClick, true);
  }, [registry, router]);

  return (
    <UnsavedChangesContext.Provider value={registry}>{children}</UnsavedChangesContext.Provider>
  );
}
