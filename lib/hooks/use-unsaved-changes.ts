"use client";

import { createContext, useContext, useEffect, useId, useRef, type RefObject } from "react";

export type UnsavedChangesRegistry = {
  /** A form reports whether it differs from what it was rendered with. */
  setDirty: (id: string, isDirty: boolean) => void;
  /** Resolves true when nothing is unsaved or the user agreed to discard it. */
  confirmLeave: () => Promise<boolean>;
};

export const UnsavedChangesContext = createContext<UnsavedChangesRegistry | null>(null);

const alwaysLeave: UnsavedChangesRegistry = {
  setDirty: () => {},
  confirmLeave: async () => true,
};

/** For whatever moves the user away (workspace switch, navigation): ask before losing edits. */
export function useUnsavedChangesGuard(): () => Promise<boolean> {
  return (useContext(UnsavedChangesContext) ?? alwaysLeave).confirmLeave;
}

function snapshot(form: HTMLFormElement): string {
  const entries: [string, string][] = [];
  for (const [key, value] of new FormData(form).entries())
    if (typeof value === "string") entries.push([key, value]);
  return JSON.stringify(entries);
}

/**
 * Compares the form with what it held when it mounted, on every edit, and reports to the
 * registry; also warns on reload or tab close. `markClean` takes the current values as saved.
 */
export function useTrackUnsavedChanges(
  formRef: RefObject<HTMLFormElement | null>,
  enabled: boolean,
): { markClean: () => void } {
  const registry = useContext(UnsavedChangesContext) ?? alwaysLeave;
  const id = useId();
  const baseline = useRef<string | null>(null);
  const isDirty = useRef(false);

  useEffect(() => {
    const form = formRef.current;
    if (!enabled || !form) return;
    baseline.current = snapshot(form);
    function onEdit() {
      if (!form) return;
      isDirty.current = snapshot(form) !== baseline.current;
      registry.setDirty(id, isDirty.current);
    }
    function onBeforeUnload(event: BeforeUnloadEvent) {
      if (isDirty.current) event.preventDefault();
    }
    form.addEventListener("input", onEdit);
    form.addEventListener("change", onEdit);
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => {
      form.removeEventListener("input", onEdit);
      form.removeEventListener("change", onEdit);
      window.removeEventListener("beforeunload", onBeforeUnload);
      registry.setDirty(id, false);
    };
  }, [enabled, formRef, id, registry]);

  return {
    markClean: () => {
      if (formRef.current) baseline.current = snapshot(formRef.current);
      isDirty.current = false;
      registry.setDirty(id, false);
    },
  };
}
