"use client";

import dynamic from "next/dynamic";
import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from "react";
import type { ConfirmOptions } from "./confirm-dialog-view";

export type { ConfirmOptions } from "./confirm-dialog-view";

// Radix's dialog loads with the first question asked, not with every page.
const loadView = () => import("./confirm-dialog-view").then((m) => m.ConfirmDialogView);
const ConfirmDialogView = dynamic(loadView, { ssr: false });

type Confirm = (options: ConfirmOptions) => Promise<boolean>;

const ConfirmContext = createContext<Confirm | null>(null);

/** Replaces window.confirm: an accessible modal (focus trapped, Escape cancels) that resolves a promise. */
export function ConfirmProvider({ children }: { children: ReactNode }) {
  const [options, setOptions] = useState<ConfirmOptions | null>(null);
  const resolver = useRef<((value: boolean) => void) | null>(null);

  const confirm = useCallback<Confirm>((next) => {
    resolver.current?.(false);
    void loadView();
    setOptions(next);
    return new Promise<boolean>((resolve) => {
      resolver.current = resolve;
    });
  }, []);

  function settle(value: boolean) {
    resolver.current?.(value);
    resolver.current = null;
    setOptions(null);
  }

  return (
    <ConfirmContext.Provider value={confirm}>
      {children}
      {options ? <ConfirmDialogView options={options} onSettle={settle} /> : null}
    </ConfirmContext.Provider>
  );
}

export function useConfirm(): Confirm {
  const confirm = useContext(ConfirmContext);
  if (!confirm) throw new Error("useConfirm needs a ConfirmProvider above it.");
  return confirm;
}
