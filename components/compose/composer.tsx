"use client";

import { useRef, useState } from "react";
import { ComposerForm } from "./composer-form";
import type { ComposerProps } from "./composer-types";
import { useNewPostLinks } from "./use-new-post-links";

type Mount = {
  generation: number;
  draft: ComposerProps["draft"];
  /** The post the server last rendered (none for a new one). */
  serverPostId?: string;
  /** Mounted blank by "Compose", before the server's page for the new post arrived. */
  isBlank: boolean;
};

/**
 * The composer; submission runs as a react-query mutation on the dashboard's query client.
 * "Compose" pressed on the composer itself mounts a blank form at once, whatever its autosave is
 * doing (the form being left sets its post aside, the new one offers it). Another post rendered
 * by the server mounts a fresh form too; the post this form is saving, re-rendered after its
 * first save put `?post=` in the address, does not.
 */
export function Composer(props: ComposerProps) {
  const [mount, setMount] = useState<Mount>({
    generation: 0,
    draft: props.draft,
    serverPostId: props.draft.postId,
    isBlank: false,
  });
  const [savedPostId, setSavedPostId] = useState<string>();
  const container = useRef<HTMLDivElement>(null);
  useNewPostLinks(container, () => {
    // As a navigation would, at once (Next holds it while a save is on the wire): the new post
    // and the offer above it in view.
    window.scrollTo({ top: 0 });
    setSavedPostId(undefined);
    setMount((m) => ({
      generation: m.generation + 1,
      draft: { values: props.newPostValues, media: [], lockedProfileIds: [] },
      serverPostId: m.serverPostId,
      isBlank: true,
    }));
  });

  const serverPostId = props.draft.postId;
  if (serverPostId !== mount.serverPostId) {
    const isMounted = serverPostId ? serverPostId === savedPostId : mount.isBlank;
    setMount(
      isMounted
        ? { ...mount, serverPostId }
        : { generation: mount.generation + 1, draft: props.draft, serverPostId, isBlank: false },
    );
  }

  return (
    <div ref={container}>
      <ComposerForm
        key={mount.generation}
        {...props}
        draft={mount.draft}
        onSavedPost={setSavedPostId}
      />
    </div>
  );
}
