"use client";

import { useEffect, useRef, useState } from "react";
import type { UseFormReturn } from "react-hook-form";
import type { MediaCardData } from "@/components/media/types";
import { readMediaSelection, type MediaKindOfPost } from "@/lib/tiktok/media-selection";
import { resetSettingsForFormat } from "@/lib/tiktok/params";
import type { ComposePostFormValues } from "@/lib/validation/post";

const isPostKind = (kind: string): kind is MediaKindOfPost => kind === "video" || kind === "image";

/**
 * The media cards beside the form's `media` refs. The format follows the media; when it changes,
 * the other format's settings are reset so nothing hidden lingers (the server would refuse it).
 */
export function useComposerMedia(
  form: UseFormReturn<ComposePostFormValues>,
  initial: MediaCardData[],
) {
  const [items, setItems] = useState(initial);
  const itemsRef = useRef(initial);
  const format = readMediaSelection(items.map((m) => m.kind).filter(isPostKind)).format;
  const previousFormat = useRef(format);

  useEffect(() => {
    itemsRef.current = items;
  }, [items]);

  useEffect(() => {
    if (format && format !== previousFormat.current) {
      const reset = resetSettingsForFormat(format);
      for (const [key, value] of Object.entries(reset))
        form.setValue(key as keyof typeof reset, value as never, { shouldDirty: true });
    }
    previousFormat.current = format;
  }, [format, form]);

  function change(next: MediaCardData[], coverIndex: number | null) {
    itemsRef.current = next;
    setItems(next);
    form.setValue(
      "media",
      // "other" files are refused by the schema at their index with a clear message.
      next.map((m) => ({ id: m.id, kind: m.kind as MediaKindOfPost })),
      { shouldDirty: true },
    );
    form.setValue("coverIndex", coverIndex, { shouldDirty: true });
    if (form.formState.isSubmitted) void form.trigger(["media", "coverIndex"]);
  }

  function changeCover(index: number) {
    form.setValue("coverIndex", index, { shouldDirty: true });
  }

  /** The browser's copy of the post came back: its cards replace the server's. */
  function restore(next: MediaCardData[]) {
    itemsRef.current = next;
    setItems(next);
  }

  return { items, itemsRef, format, change, changeCover, restore };
}
