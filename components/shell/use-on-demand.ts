"use client";

import { useCallback, useRef, useState, type ComponentType } from "react";

/**
 * A component whose code loads on the first sign of use (hover, focus, press) instead of with the
 * page, keeping it out of the first-load JavaScript. `load` must be stable (module scope).
 */
export function useOnDemand<P>(load: () => Promise<ComponentType<P>>) {
  const [View, setView] = useState<ComponentType<P> | null>(null);
  const started = useRef(false);
  const request = useCallback(() => {
    if (started.current) return;
    started.current = true;
    load().then(
      (component) => setView(() => component),
      () => {
        started.current = false; // a failed chunk load is tried again on the next intent
      },
    );
  }, [load]);
  return [View, request] as const;
}
