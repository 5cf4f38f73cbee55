"use client";

import { usePathname } from "next/navigation";
import { useEffect } from "react";

const focusable = "input:not([type=hidden]), select, textarea, button, a[href], [tabindex]";

/** A link like /settings#audit-status lands on that part of the page with its first control focused. */
export function FocusFromHash() {
  const pathname = usePathname();
  useEffect(() => {
    function focusTarget() {
      const id = decodeURIComponent(window.location.hash.slice(1));
      if (!id) return;
      requestAnimationFrame(() => {
        const target = document.getElementById(id);
        if (!target) return;
        const control = target.matches(focusable)
          ? target
          : target.querySelector<HTMLElement>(focusable);
        target.scrollIntoView({ block: "start" });
        control?.focus({ preventScroll: true });
      });
    }
    focusTarget();
    window.addEventListener("hashchange", focusTarget);
    return () => window.removeEventListener("hashchange", focusTarget);
  }, [pathname]);
  return null;
}
