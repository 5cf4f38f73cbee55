import { readdir, readFile, rm } from "node:fs/promises";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestSandbox, waitFor } from "./test-support/harness";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "sandbox-state-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("state file", () => {
  it("saves on change and restores posts, files, jobs and the clock after a restart", async () => {
    const stateFile = path.join(dir, "state.json");
    const first = await TestSandbox.start({ stateFile });
    const form = new FormData();
    form.set("post[body]", "survives");
    form.set("post[scheduled_at]", await first.inMinutes(120));
    form.append("profiles[]", "tiktok");
    form.append(
      "media[]",
      new Blob([await readFile(path.resolve("e2e/fixtures/media/video-valid-720x1280.mp4"))]),
      "v.mp4",
    );
    const created = await first.request("POST", "/api/posts", { form });
    expect(created.status).toBe(200);
    await first.advance(600);
    await waitFor(async () => (await readFile(stateFile, "utf8")).includes(created.body.id), {
      what: "debounced save",
    });
    const offset = (await first.get("/__sandbox/state", { key: null })).body.clock_offset_ms;
    await first.close();

    const second = await TestSandbox.start({ stateFile });
    try {
      const post = await second.get(`/api/posts/${created.body.id}`);
      expect(post.body.status).toBe("scheduled");
      expect(
        (await second.get("/__sandbox/state", { key: null })).body.clock_offset_ms,
      ).toBeGreaterThanOrEqual(offset);
      const media = await fetch(post.body.media[0].url);
      expect(media.status).toBe(200);
      await second.advance(2 * 3600);
      expect((await second.get(`/api/posts/${created.body.id}`)).body.platforms[0].status).toBe(
        "published",
      );
    } finally {
      await second.close();
    }
  });

  it("removes its temp directory on close when there is no state file", async () => {
    const before = new Set(await readdir(tmpdir()));
    const sb = await TestSandbox.start();
    const created = (await readdir(tmpdir())).filter(
      (n) => !before.has(n) && n.startsWith("postproxy-sandbox-"),
    );
    expect(created).toHaveLength(1);
    await sb.close();
    expect((await readdir(tmpdir())).includes(created[0]!)).toBe(false);
  });
});

describe("streamed uploads", () => {
  it("streams a 256 MB upload to disk without holding it in memory", async () => {
    const sb = await TestSandbox.start({ seed: true });
    try {
      const size = 256 * 1024 * 1024;
      const chunk = Buffer.alloc(1024 * 1024, 7);
      const boundary = "----stream";
      const head =
        `--${boundary}\r\nContent-Disposition: form-data; name="post[body]"\r\n\r\nbig\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="profiles[]"\r\n\r\ntiktok\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="media[]"; filename="big.mp4"\r\nContent-Type: video/mp4\r\n\r\n`;
      const tail = `\r\n--${boundary}--\r\n`;
      global.gc?.();
      const rssBefore = process.memoryUsage().rss;
      let peak = rssBefore;
      const status = await new Promise<number>((resolve, reject) => {
        const req = request(new URL("/api/posts", sb.url), {
          method: "POST",
          headers: {
            authorization: `Bearer ${sb.handle.apiKey}`,
            "content-type": `multipart/form-data; boundary=${boundary}`,
          },
        });
        req.on("response", (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on("error", reject);
        let sent = 0;
        const pump = () => {
          while (sent < size) {
            sent += chunk.length;
            peak = Math.max(peak, process.memoryUsage().rss);
            if (!req.write(chunk)) {
              req.once("drain", pump);
              return;
            }
          }
          req.end(tail);
        };
        req.write(head);
        pump();
      });
      expect(status).toBe(200);
      expect(peak - rssBefore).toBeLessThan(150 * 1024 * 1024);
    } finally {
      await sb.close();
    }
  });
});
