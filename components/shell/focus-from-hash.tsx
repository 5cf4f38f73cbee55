"use client";

import { usePathname } from "next/navigation";
import { useEffect } from "react";

const focusable = "input:not([type=hidden]), select, textarea, button, a[href], [tabindex]";

function focusTarget(id: string): boolean {
  const target = document.getElementById(id);
  if (!target) return false;
  const control = target.matches(focusable) ? target : target.querySelector<HTMLElement>(focusable);
  target.scrollIntoView({ block: "start" });
  control?.focus({ preventScroll: true });
  return true;
}

/**
 * A link like /settings#audit-status lands on that part of the page with its first control
 * focused. The page may still be streaming in (loading state first), so it waits a moment for it.
 */
export function FocusFromHash() {
  const pathname = usePathname();
  useEffect(() => {
    let observer: MutationObserver | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    function run() {
      observer?.disconnect();
      clearTimeout(timer);
      const id = decodeURIComponent(window.location.hash.slice(1));
      if (!id || focusTarget(id)) return;
      observer = new MutationObserver(() => {
        if (focusTarget(id)) observer?.disconnect();
      });
      observer.observe(document.body, { childList: true, subtree: true });
      timer = setTimeout(() => observer?.disconnect(), 5000);
    }
    run();
    window.addEventListener("hashchange", run);
    return () => {
      observer?.disconnect();
      clearTimeout(timer);
      window.removeEventListener("hashchange", run);
    };
  }, [pathname]);
  return null;
}
