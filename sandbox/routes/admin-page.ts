import type { SandboxContext } from "../core/context";
import { escapeHtml, page } from "./html";

const SWITCHES: Array<[string, string, string]> = [
  ["GET", "/__sandbox/state", "summary: clock, settings, faults, counts, profiles"],
  ["POST", "/__sandbox/reset", "back to the seed data, real time, startup faults"],
  ["POST", "/__sandbox/clock/advance", '{"seconds": 3600} — move the clock and run everything due'],
  ["GET", "/__sandbox/faults", "current fault switches"],
  [
    "POST",
    "/__sandbox/faults",
    '{"latencyMs":200, "errorRate":0.1, "failNext":2 | {"count":1,"status":503,"afterHandling":true}, "rateLimitNext":{"count":1,"retryAfter":3}, "rateLimitPerMinute":60, "hangNext":1 | {"count":1,"afterHandling":true}, "hangPaths":["POST /api/posts"], "unauditedProfileIds":["prof_acme_tiktok"], "publishFailNext":1}',
  ],
  ["DELETE", "/__sandbox/faults", "clear every fault"],
  [
    "POST",
    "/__sandbox/profiles/:id/unaudited",
    '{"unaudited": true} — TikTok app unaudited: only SELF_ONLY posts publish',
  ],
  [
    "POST",
    "/__sandbox/profiles/:id/expire",
    "expire a profile's connection (sends profile.disconnected)",
  ],
  ["GET", "/__sandbox/settings", "timeScale, webhookEnvelope, allowHttpWebhooks"],
  [
    "POST",
    "/__sandbox/settings",
    '{"webhookEnvelope":"flat"|"object", "timeScale":20, "allowHttpWebhooks":true}',
  ],
  ["GET", "/__sandbox/avatars/:profileId.svg", "profile avatars"],
  ["GET", "/__sandbox/media/:mediaId", "media bytes"],
];

export function adminPage(ctx: SandboxContext): string {
  const rows = SWITCHES.map(
    ([method, path, what]) =>
      `<tr><td><code>${method}</code></td><td><code>${escapeHtml(path)}</code></td><td>${escapeHtml(what)}</td></tr>`,
  ).join("\n");
  const profiles = ctx.store.state.profiles
    .map(
      (p) =>
        `<tr><td><code>${escapeHtml(p.id)}</code></td><td>${escapeHtml(p.name)}</td><td>${p.platform}</td><td>${p.status}</td><td>${ctx.faults.isUnaudited(p.id) ? "unaudited" : ""}</td></tr>`,
    )
    .join("\n");
  return page(
    "Postproxy sandbox",
    `<h1>Postproxy sandbox</h1>
<p>API base URL <code>${escapeHtml(ctx.config.publicUrl)}</code> (endpoints under <code>/api</code>, key in <code>Authorization: Bearer …</code>).
Clock: <code>${ctx.clock.iso()}</code>, time scale ${ctx.config.timeScale}, webhook envelope <code>${ctx.config.webhookEnvelope}</code>.</p>
<h2>Switches</h2>
<table>${rows}</table>
<h2>Current faults</h2>
<pre>${escapeHtml(JSON.stringify(ctx.faults.state, null, 2))}</pre>
<h2>Profiles</h2>
<table>${profiles}</table>`,
  );
}
