"use client";

import { useCallback, useRef, useState } from "react";
import type { DetailedError, Upload } from "tus-js-client";
import { declaredKindOf, uploadLimitFor, uploadTooLargeMessage } from "@/lib/tiktok";
import { capturePoster } from "./capture-poster";

export type UploadState =
  | "uploading"
  | "paused"
  | "processing"
  | "converting"
  | "done"
  | "rejected"
  | "failed"
  | "cancelled";

export type UploadItem = {
  key: string;
  name: string;
  size: number;
  kind: "video" | "image";
  state: UploadState;
  sent: number;
  /** Bytes per second over the last few seconds. */
  speed: number;
  resumed: boolean;
  message: string | null;
};

const endpoint = "/api/uploads";
const chunkSize = 64 * 1024 * 1024;

type Entry = { name: string; upload: Upload; samples: { t: number; bytes: number }[] };

function messageOf(error: Error, Detailed: typeof DetailedError): string {
  if (error instanceof Detailed && error.originalResponse) {
    const status = error.originalResponse.getStatus();
    const body = error.originalResponse.getBody()?.trim();
    if (body && status < 500) return body;
    if (body) return body;
  }
  return "The connection was lost and retrying did not help. Pick the file again to resume.";
}

/** How an upload ended: the composer adds a finished file to the post by its id. */
export type UploadOutcome = {
  key: string;
  name: string;
  state: "done" | "rejected" | "cancelled";
  mediaId: string | null;
};

/** tus uploads with progress, speed, pause/resume/cancel and resume-after-reload by fingerprint. */
export function useUploads(workspaceId: string, onFinished: (outcome: UploadOutcome) => void) {
  const [items, setItems] = useState<UploadItem[]>([]);
  const entries = useRef(new Map<string, Entry>());

  const update = useCallback((key: string, patch: Partial<UploadItem>) => {
    setItems((list) => list.map((i) => (i.key === key ? { ...i, ...patch } : i)));
  }, []);

  const start = useCallback(
    async (file: File, key: string) => {
      const kind = declaredKindOf(file.type, file.name);
      const item: UploadItem = {
        key,
        name: file.name,
        size: file.size,
        kind,
        state: "uploading",
        sent: 0,
        speed: 0,
        resumed: false,
        message: null,
      };
      if (file.size > uploadLimitFor(kind)) {
        setItems((list) => [
          ...list,
          { ...item, state: "rejected", message: uploadTooLargeMessage(kind, file.size) },
        ]);
        return;
      }
      setItems((list) => [...list, item]);
      const poster = kind === "video" ? capturePoster(file) : Promise.resolve(null);
      const entry: Entry = { name: file.name, upload: null as unknown as Upload, samples: [] };
      // tus-js-client loads with the first file picked, not with the page.
      const tus = await import("tus-js-client");
      const upload = new tus.Upload(file, {
        endpoint,
        chunkSize,
        retryDelays: [0, 1000, 3000, 5000, 10000, 20000],
        removeFingerprintOnSuccess: true,
        metadata: { workspaceId, filename: file.name, filetype: file.type },
        fingerprint: async (f: File) =>
          ["postdeck", workspaceId, f.name, f.type, f.size, f.lastModified].join("-"),
        onProgress(sent) {
          const now = performance.now();
          entry.samples.push({ t: now, bytes: sent });
          while (entry.samples.length > 2 && now - entry.samples[0].t > 5000) entry.samples.shift();
          const first = entry.samples[0];
          const seconds = (now - first.t) / 1000;
          const speed = seconds > 0.2 ? (sent - first.bytes) / seconds : 0;
          update(key, { sent, speed, state: sent >= file.size ? "processing" : "uploading" });
        },
        async onSuccess({ lastResponse }) {
          const rejected = lastResponse.getHeader("Media-Rejected");
          const id = upload.url?.split("/").pop();
          if (rejected) {
            update(key, {
              state: "rejected",
              sent: file.size,
              message: decodeURIComponent(rejected),
            });
          } else {
            const frame = await poster;
            if (frame && id)
              await fetch(`/api/media/${id}/thumbnail`, { method: "PUT", body: frame }).catch(
                () => undefined,
              );
            update(key, { state: "done", sent: file.size, message: null });
          }
          entries.current.delete(key);
          onFinished({
            key,
            name: file.name,
            state: rejected ? "rejected" : "done",
            mediaId: id ?? null,
          });
        },
        onError(error) {
          update(key, { state: "failed", message: messageOf(error, tus.DetailedError) });
        },
      });
      entry.upload = upload;
      entries.current.set(key, entry);
      const previous = await upload.findPreviousUploads();
      if (previous.length > 0) {
        upload.resumeFromPreviousUpload(previous[0]);
        update(key, { resumed: true });
      }
      upload.start();
    },
    [workspaceId, update, onFinished],
  );

  /** Starts uploading a file; its key comes back at once, so callers can remember the pick order. */
  const add = useCallback(
    (file: File): string => {
      const key = `${file.name}-${file.size}-${file.lastModified}-${Math.random()}`;
      void start(file, key);
      return key;
    },
    [start],
  );

  const pause = useCallback(
    (key: string) => {
      const entry = entries.current.get(key);
      if (!entry) return;
      void entry.upload.abort(false);
      entry.samples = [];
      update(key, { state: "paused", speed: 0 });
    },
    [update],
  );

  const resume = useCallback(
    (key: string) => {
      const entry = entries.current.get(key);
      if (!entry) return;
      update(key, { state: "uploading", message: null });
      entry.upload.start();
    },
    [update],
  );

  const cancel = useCallback(
    async (key: string) => {
      const entry = entries.current.get(key);
      if (!entry) return;
      entries.current.delete(key);
      update(key, { state: "cancelled", speed: 0 });
      await entry.upload.abort(true).catch(() => undefined);
      onFinished({ key, name: entry.name, state: "cancelled", mediaId: null });
    },
    [update, onFinished],
  );

  const dismiss = useCallback((key: string) => {
    setItems((list) => list.filter((i) => i.key !== key));
  }, []);

  /** What became of a finished file after the upload (the composer converts or refuses it). */
  const settle = useCallback(
    (key: string, patch: Pick<UploadItem, "state" | "message">) => update(key, patch),
    [update],
  );

  return { items, add, pause, resume, cancel, dismiss, settle };
}
