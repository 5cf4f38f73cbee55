import "server-only";
import {
  claimOutbox,
  countEmailedSince,
  deferAlert,
  listAlertEmailRecipients,
  markAlertsSent,
  purgeOldAlerts,
  type OutboxAlert,
} from "@/lib/data/alerts";
import { checkDueProfiles, getAlertWebhookUrl } from "@/lib/data/alert-settings";
import type { WorkspaceCtx } from "@/lib/data/context";
import { getEnv } from "@/lib/env";
import { logError } from "@/lib/log";
import { isMailConfigured, publicUrl, sendMail, type Mail } from "@/lib/mail/mailer";
import { isPublicAddress, postJsonSafely, type SafePostOptions } from "@/lib/security/safe-webhook";

export type AlertDeps = {
  now?: () => Date;
  mail?: { isConfigured: () => boolean; send: (mail: Mail) => Promise<void> };
  postJson?: (url: string, body: unknown) => Promise<unknown>;
  webhookOptions?: Partial<SafePostOptions>;
};

/** More than this many alert emails within ten minutes: the rest go as one digest. */
const digestAfter = 5;
const digestWindowMs = 10 * 60 * 1000;

function postLink(a: Pick<OutboxAlert, "postId">) {
  return publicUrl(`/posts/${a.postId}`);
}

function alertText(a: OutboxAlert) {
  return [
    a.headline,
    "",
    `Profile: ${a.profileName}`,
    `What happened: ${a.detail}`,
    `Who must act: ${a.whoActs}`,
    `Fix: ${a.fix}`,
    "",
    `Open the post: ${postLink(a)}`,
  ].join("\n");
}

async function sendEmails(ctx: WorkspaceCtx, owed: OutboxAlert[], deps: AlertDeps, now: Date) {
  const mail = deps.mail ?? { isConfigured: isMailConfigured, send: sendMail };
  if (owed.length === 0) return;
  if (!mail.isConfigured())
    return markAlertsSent(
      ctx,
      owed.map((a) => a.id),
      "email",
      now,
    );
  const to = await listAlertEmailRecipients(ctx);
  if (to.length === 0)
    return markAlertsSent(
      ctx,
      owed.map((a) => a.id),
      "email",
      now,
    );
  const recent = await countEmailedSince(ctx, new Date(now.getTime() - digestWindowMs));
  const batches: { alerts: OutboxAlert[]; subject: string; text: string }[] =
    recent + owed.length > digestAfter
      ? [
          {
            alerts: owed,
            subject: `Postdeck: ${owed.length} alerts need attention`,
            text: owed.map(alertText).join("\n\n————\n\n"),
          },
        ]
      : owed.map((a) => ({ alerts: [a], subject: `Postdeck: ${a.headline}`, text: alertText(a) }));
  for (const batch of batches) {
    try {
      for (const address of to)
        await mail.send({ to: address, subject: batch.subject, text: batch.text });
      await markAlertsSent(
        ctx,
        batch.alerts.map((a) => a.id),
        "email",
        now,
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : "email failed";
      for (const a of batch.alerts) await deferAlert(ctx, a, `email: ${message}`, now);
    }
  }
}

/** How a Slack-style webhook is called: the test's stand-in, else the SSRF-safe POST. */
function slackPoster(deps: AlertDeps) {
  return (
    deps.postJson ??
    ((url: string, body: unknown) =>
      postJsonSafely(url, body, {
        allowHttp: getEnv().NODE_ENV === "development",
        ...deps.webhookOptions,
      }))
  );
}

async function sendSlack(ctx: WorkspaceCtx, owed: OutboxAlert[], deps: AlertDeps, now: Date) {
  if (owed.length === 0) return;
  const url = await getAlertWebhookUrl(ctx);
  if (!url)
    return markAlertsSent(
      ctx,
      owed.map((a) => a.id),
      "slack",
      now,
    );
  const post = slackPoster(deps);
  for (const a of owed) {
    try {
      await post(url, { text: `${alertText(a)}` });
      await markAlertsSent(ctx, [a.id], "slack", now);
    } catch (error) {
      const message = error instanceof Error ? error.message : "webhook failed";
      await deferAlert(ctx, a, `slack: ${message}`, now);
    }
  }
}

/**
 * Sends what the outbox owes for one workspace: emails (a digest past five in ten minutes) and
 * Slack posts. A channel is marked done once delivered; a failure backs off and is retried by the
 * next drain. Run by the sync route and right after a change that raised an alert.
 */
export async function drainAlerts(ctx: WorkspaceCtx, deps: AlertDeps = {}) {
  const now = (deps.now ?? (() => new Date()))();
  const claimed = await claimOutbox(ctx, now);
  await sendEmails(
    ctx,
    claimed.filter((a) => !a.emailDoneAt),
    deps,
    now,
  );
  await sendSlack(
    ctx,
    claimed.filter((a) => !a.slackDoneAt),
    deps,
    now,
  );
  const purged = await purgeOldAlerts(ctx, now);
  return { claimed: claimed.length, purged };
}

/** Starts a drain without making the caller wait for it (its failures are logged). */
export function drainAlertsSoon(ctx: WorkspaceCtx) {
  void drainAlerts(ctx).catch((error) => logError("alerts:drain", error));
}

/** The sync step of issue 14 §4: the profiles of posts due within 24 h, from the mirror. */
export async function checkDueProfilesStep(ctx: WorkspaceCtx, deps: AlertDeps = {}) {
  return { raised: await checkDueProfiles(ctx, (deps.now ?? (() => new Date()))()) };
}

/** "Send a test" in Settings: one message to the saved URL, its failure said in plain words. */
export async function sendTestAlert(ctx: WorkspaceCtx, deps: AlertDeps = {}) {
  const url = await getAlertWebhookUrl(ctx);
  if (!url) return { ok: false as const, message: "No alert webhook URL is saved." };
  const post = slackPoster(deps);
  try {
    await post(url, { text: "Postdeck test alert: this channel will receive Postdeck's alerts." });
    return { ok: true as const };
  } catch (error) {
    return {
      ok: false as const,
      message: error instanceof Error ? error.message : "The test could not be sent.",
    };
  }
}

/** Why a URL cannot be saved as the alert webhook (null: it can); checked again on every send. */
export function problemWithWebhookUrl(url: string): string | null {
  if (!url) return null;
  const parsed = new URL(url);
  if (parsed.protocol !== "https:" && getEnv().NODE_ENV !== "development")
    return "Enter a web address starting with https://.";
  if (parsed.username || parsed.password) return "Leave the user name and password out of the URL.";
  const host = parsed.hostname.replace(/^\[|\]$/g, "");
  if (/^[\d.]+$|:/.test(host) && !isPublicAddress(host))
    return "This address is private or local; alerts can only go to a public address.";
  if (host === "localhost" || host.endsWith(".localhost") || host.endsWith(".internal"))
    return "This address is private or local; alerts can only go to a public address.";
  return null;
}
