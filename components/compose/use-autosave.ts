"use client";

import { useEffect, useRef, useState, type RefObject } from "react";
import type { UseFormReturn } from "react-hook-form";
import type { MediaCardData } from "@/components/media/types";
import type { ComposePostFormValues } from "@/lib/validation/post";
import {
  AutosaveController,
  type AutosaveStatus,
  type DraftSaveResult,
} from "./autosave-controller";
import { trackLeavingSave } from "./leaving-saves";
import {
  browserStorage,
  localDraftKey,
  markLeftPostSaved,
  removeLocalDraft,
  setAsideLeftPost,
  writeLocalDraft,
} from "./local-draft";

export type AutosaveState = { status: AutosaveStatus; message?: string };

/**
 * §4.7: every edit is kept in this browser at once and saved as a draft on the server after a
 * second of quiet; the first save puts `?post=<id>` in the address so a reload reopens it.
 */
export function useAutosave({
  form,
  workspaceId,
  initialPostId,
  mediaRef,
  save,
  enabled = true,
  onFirstSave,
}: {
  form: UseFormReturn<ComposePostFormValues>;
  workspaceId: string;
  initialPostId?: string;
  mediaRef: RefObject<MediaCardData[]>;
  save: (values: ComposePostFormValues) => Promise<DraftSaveResult>;
  /** Off for a post some profiles already took: it is no longer a draft, the server refuses saves. */
  enabled?: boolean;
  /** The post's id once the server made it (the composer tells a refresh of it from another post). */
  onFirstSave?: (postId: string) => void;
}) {
  const [state, setState] = useState<AutosaveState>({
    status: initialPostId && enabled ? "saved" : "idle",
  });
  // Names this composer's record of a left post, so only its own late save updates it.
  const [composerId] = useState(() => Math.random().toString(36).slice(2));
  const isLeft = useRef(false);
  const [controller] = useState(
    () =>
      new AutosaveController<ComposePostFormValues>({
        // A server action that cannot reach the server throws into the page's error boundary:
        // while offline, do not call it; the copy stays in this browser and the save is retried.
        save: (values) =>
          navigator.onLine ? save(values) : Promise.reject(new Error("The browser is offline.")),
        read: () => form.getValues(),
        postId: initialPostId,
        onStatus: (status, message) => setState({ status, message }),
        onSaved: ({ postId, isFirst, isDirty }) => {
          if (isLeft.current) {
            // Landed after the composer was left ("Compose" pressed while it was on the wire):
            // the address and the browser's new-post copy belong to the next composer now.
            const storage = browserStorage();
            const isSynced = !isDirty;
            if (markLeftPostSaved(storage, workspaceId, composerId, { postId, isSynced }))
              writeLocal(isSynced);
            return;
          }
          if (isFirst) {
            removeLocalDraft(browserStorage(), localDraftKey(workspaceId));
            // Next's router keeps history.replaceState in sync; no server round trip is needed.
            const url = new URL(window.location.href);
            url.searchParams.set("post", postId);
            url.searchParams.delete("media");
            window.history.replaceState(null, "", `${url.pathname}${url.search}`);
            onFirstSave?.(postId);
          }
          writeLocal(!isDirty);
        },
      }),
  );
  const localTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const isSent = useRef(false);

  function writeLocal(isSynced: boolean) {
    if (isSent.current) return;
    const postId = controller.postId;
    writeLocalDraft(browserStorage(), localDraftKey(workspaceId, postId), {
      postId,
      values: form.getValues(),
      media: mediaRef.current ?? [],
      updatedAt: new Date().toISOString(),
      isSynced,
    });
  }

  /**
   * Left with a post worked on (inside the autosave pause, while a save is on the wire or after
   * it landed, alike): it is set aside in this browser and the next "Compose" offers it.
   */
  function setAside() {
    if (isSent.current || !controller.hasChanges) return;
    if (controller.isDirty && controller.postId) writeLocal(false);
    setAsideLeftPost(browserStorage(), workspaceId, composerId, {
      postId: controller.postId,
      values: form.getValues(),
      media: mediaRef.current ?? [],
      updatedAt: new Date().toISOString(),
      isSynced: !controller.isDirty,
    });
    trackLeavingSave(workspaceId, controller.settled());
  }

  useEffect(() => {
    if (!enabled) return;
    isLeft.current = false;
    controller.resume();
    const subscription = form.watch(() => {
      controller.change();
      // The media cards update in React state right after the form value: write a beat later.
      if (localTimer.current) clearTimeout(localTimer.current);
      localTimer.current = setTimeout(() => writeLocal(false), 150);
    });
    function leave() {
      if (!controller.isDirty) return;
      writeLocal(false);
      if (navigator.onLine) void controller.flush();
    }
    function onVisibility() {
      if (document.visibilityState === "hidden") leave();
    }
    function onOnline() {
      if (controller.isDirty) void controller.flush();
    }
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("pagehide", leave);
    window.addEventListener("online", onOnline);
    return () => {
      subscription.unsubscribe();
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("pagehide", leave);
      window.removeEventListener("online", onOnline);
      if (localTimer.current) clearTimeout(localTimer.current);
      isLeft.current = true;
      controller.pause();
      setAside();
    };
    // writeLocal and setAside read refs and the stable controller only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [controller, form, enabled]);

  return {
    state,
    controller,
    /** True once this form was left ("Compose" mounted a new one, or the page changed). */
    isLeft: () => isLeft.current,
    /** After a successful submit: the post is no longer a draft, forget the browser's copy. */
    forget: () => {
      isSent.current = true;
      controller.dispose();
      removeLocalDraft(browserStorage(), localDraftKey(workspaceId, controller.postId));
      removeLocalDraft(browserStorage(), localDraftKey(workspaceId));
    },
  };
}
