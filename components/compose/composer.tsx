"use client";

import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { ComposerForm } from "./composer-form";
import type { ComposerProps } from "./composer-types";

/**
 * The composer; submission runs as a react-query mutation on the dashboard's query client.
 * Autosave writes `?post=` into the address of a new post; when the address loses it again,
 * "Compose" was pressed on the composer itself: a fresh form is mounted for the new post.
 */
export function Composer(props: ComposerProps) {
  const post = useSearchParams().get("post");
  const [mount, setMount] = useState({ generation: 0, post });
  if (post !== mount.post)
    setMount({ generation: mount.generation + (post === null ? 1 : 0), post });
  return <ComposerForm key={mount.generation} {...props} />;
}
