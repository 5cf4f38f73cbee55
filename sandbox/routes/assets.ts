import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import type { SandboxContext } from "../core/context";
import { hashString } from "../core/prng";
import type { App } from "../http/app-env";
import type { MediaRecord } from "../store/types";
import { escapeHtml } from "./html";

const ASSETS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "assets");

/** Avatars and media bytes come from the sandbox itself, so nothing needs the internet. */
export function registerAssetRoutes(app: App, ctx: SandboxContext): void {
  app.get("/__sandbox/avatars/:file", (c) => {
    const id = c.req.param("file").replace(/\.svg$/, "");
    const profile = ctx.store.profile(id);
    c.header("Cache-Control", "public, max-age=3600");
    return c.body(avatarSvg(id, profile?.username ?? "?"), 200, {
      "Content-Type": "image/svg+xml",
    });
  });

  app.get("/__sandbox/media/:id", async (c) => {
    const media = findMedia(ctx, c.req.param("id"));
    const file = media && mediaPath(ctx, media);
    if (!media || !file) return c.json({ error: "Not found" }, 404);
    const size = await stat(file).then(
      (s) => s.size,
      () => null,
    );
    if (size === null) return c.json({ error: "Not found" }, 404);
    const stream = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
    return c.body(stream, 200, {
      "Content-Type": media.contentType,
      "Content-Length": String(size),
    });
  });
}

function findMedia(ctx: SandboxContext, id: string): MediaRecord | undefined {
  for (const post of ctx.store.state.posts) {
    const found = [...post.media, ...post.thread.flatMap((t) => t.media)].find((m) => m.id === id);
    if (found) return found;
  }
  return undefined;
}

function mediaPath(ctx: SandboxContext, media: MediaRecord): string | null {
  if (media.asset) return path.join(ASSETS_DIR, path.basename(media.asset));
  if (media.fileName) return ctx.storage.filePath(media.fileName);
  return null;
}

function avatarSvg(seed: string, username: string): string {
  const hue = hashString(seed) % 360;
  const initials = escapeHtml(
    username
      .replace(/[^a-z0-9]/gi, "")
      .slice(0, 2)
      .toUpperCase() || "?",
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128">
<rect width="128" height="128" rx="64" fill="hsl(${hue} 65% 45%)"/>
<text x="64" y="64" dy=".35em" text-anchor="middle" font-family="system-ui, sans-serif" font-size="52" font-weight="600" fill="#fff">${initials}</text>
</svg>`;
}
