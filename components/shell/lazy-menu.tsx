"use client";

// app-shell.tsx's drawer button has the same load-on-hover/focus shape, but opens a dialog, not a
// menu: the ARIA popup kind and what gets loaded differ.

import { useState, type ComponentType, type ReactNode } from "react";
import { useOnDemand } from "./use-on-demand";

/** What a lazily loaded menu receives besides its own props: how the user already asked for it. */
export type LazyMenuProps = { defaultOpen: boolean; autoFocus: boolean };

const openKeys = new Set(["Enter", " ", "ArrowDown"]);

/**
 * A menu button that looks and reads like the real one, and loads the real (Radix) menu on hover,
 * focus or press; a press or key made before the code arrived opens the menu once it has.
 */
export function LazyMenu<P extends object>({
  load,
  props,
  className,
  children,
}: {
  load: () => Promise<ComponentType<P & LazyMenuProps>>;
  props: P;
  className: string;
  children: ReactNode;
}) {
  const [View, request] = useOnDemand(load);
  const [asked, setAsked] = useState<LazyMenuProps>({ defaultOpen: false, autoFocus: false });
  if (View) return <View {...props} {...asked} />;
  return (
    <button
      type="button"
      aria-haspopup="menu"
      aria-expanded={false}
      className={className}
      onPointerEnter={request}
      onFocus={() => {
        setAsked((a) => ({ ...a, autoFocus: true }));
        request();
      }}
      onBlur={() => setAsked((a) => ({ ...a, autoFocus: false }))}
      onPointerDown={(e) => {
        if (e.button !== 0) return;
        setAsked((a) => ({ ...a, defaultOpen: true }));
        request();
      }}
      onKeyDown={(e) => {
        if (!openKeys.has(e.key)) return;
        e.preventDefault();
        setAsked({ defaultOpen: true, autoFocus: true });
        request();
      }}
    >
      {children}
    </button>
  );
}
