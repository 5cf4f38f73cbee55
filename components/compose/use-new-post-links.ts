"use client";

import { useEffect, useRef, type RefObject } from "react";

/**
 * A link to a new post ("/compose", no query: the sidebar's Compose, the posts page's button)
 * followed while this composer is open starts a new post here. The address cannot tell: it may
 * not change at all (a post not saved yet) and Next holds the navigation while a save is on the
 * wire. The click is the signal. Links inside the composer (its own "Try again") keep the post.
 */
export function useNewPostLinks(container: RefObject<HTMLElement | null>, onNewPost: () => void) {
  const latest = useRef(onNewPost);
  useEffect(() => {
    latest.current = onNewPost;
  });
  useEffect(() => {
    function onClick(event: MouseEvent) {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
        return;
      const anchor = (event.target as Element | null)?.closest?.("a[href]");
      if (!(anchor instanceof HTMLAnchorElement) || anchor.hasAttribute("download")) return;
      if (anchor.target && anchor.target !== "_self") return;
      if (container.current?.contains(anchor)) return;
      const url = new URL(anchor.href, window.location.href);
      if (url.origin !== window.location.origin || url.pathname !== "/compose" || url.search)
        return;
      latest.current();
    }
    // On the window, after the shell's guard (which stops a click it holds for a confirm).
    window.addEventListener("click", onClick);
    return () => window.removeEventListener("click", onClick);
  }, [container]);
}
