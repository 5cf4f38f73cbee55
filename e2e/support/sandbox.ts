import { expect, test } from "@playwright/test";
import { e2e, sandboxUrl } from "./config";

export type SpecSandbox = {
  /** The Postproxy key this spec saves; it selects the spec's own sandbox. */
  key: string;
  /** Base URL of that sandbox's admin endpoints (`${url}/__sandbox/clock/advance`, …). */
  url: string;
};

/**
 * The calling spec's own Postproxy sandbox (state, clock, faults), one per spec file and repeat,
 * so a clock jump or fault in one spec never reaches another, in any order. Call it inside a test
 * or hook (it reads test.info()).
 */
export function specSandbox(): SpecSandbox {
  const info = test.info();
  const file = info.titlePath[0].replace(/\.spec\.ts$/, "").replace(/[^A-Za-z0-9]+/g, "-");
  const key = `${e2e.sandboxKey}_${file}_r${info.repeatEachIndex}_w${info.parallelIndex}`;
  return { key, url: `${sandboxUrl}/__tenants/${encodeURIComponent(key)}` };
}

/** POSTs to the spec's own sandbox admin endpoint (`settings`, `faults`, `clock/advance`, …). */
export async function sandboxAdmin(route: string, body: unknown) {
  const res = await fetch(`${specSandbox().url}/__sandbox/${route}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(res.ok, `sandbox ${route} answered ${res.status}`).toBe(true);
}

export type SandboxPost = { id: string; body: string; scheduled_at: string | null; status: string };

/** The spec's sandbox posts in a profile group whose caption is `caption` (public API). */
export async function sandboxPostsWithCaption(
  group: string,
  caption: string,
): Promise<SandboxPost[]> {
  const res = await fetch(`${sandboxUrl}/api/posts?profile_group_id=${group}&per_page=100`, {
    headers: { authorization: `Bearer ${specSandbox().key}` },
  });
  const body = (await res.json()) as { data: SandboxPost[] };
  return body.data.filter((p) => p.body === caption);
}
