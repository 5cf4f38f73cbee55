"use server";

import { headers } from "next/headers";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db/client";
import {
  createResetTokenForEmail,
  createResetTokenForMember,
  resetLinkLifetimeMs,
  resetPasswordWithToken,
  type ResetRoute,
} from "@/lib/data/password-resets";
import { consumeRateLimit, describeWait } from "@/lib/data/rate-limits";
import { AppError } from "@/lib/errors";
import { getEnv } from "@/lib/env";
import { logError } from "@/lib/log";
import { isMailConfigured, publicUrl, sendMail } from "@/lib/mail/mailer";
import {
  issueResetLinkSchema,
  requestPasswordResetSchema,
  resetPasswordSchema,
} from "@/lib/validation/password-reset";
import { createAction } from "./create-action";

const hour = 60 * 60 * 1000;

async function limitOrThrow(db: Db, scope: string, key: string, limit: number, windowMs: number) {
  const result = await consumeRateLimit(db, { scope, key, limit, windowMs });
  if (!result.ok)
    throw new AppError(
      "rate_limited",
      `Too many attempts. Try again in ${describeWait(result.retryAfterSeconds)}.`,
    );
}

function resetEmail(link: string) {
  return {
    subject: "Reset your Postdeck password",
    text: [
      "Someone (hopefully you) asked to reset the password of your Postdeck account.",
      "",
      `Choose a new password here within the next hour: ${link}`,
      "",
      "The link works once. Using it signs your account out everywhere.",
      "If you did not ask for this, ignore this email: your password stays as it is.",
    ].join("\n"),
  };
}

function passwordChangedEmail(route: ResetRoute) {
  const how =
    route.kind === "owner"
      ? `with a one-time reset link that ${route.issuerName}, an owner of the workspace “${route.workspaceName}”, created for your account.`
      : "with a reset link sent to this email address.";
  return {
    subject: "Your Postdeck password was changed",
    text: [
      `The password of your Postdeck account was just changed ${how}`,
      "",
      "Every session of the account was signed out.",
      "If this was not you, reset your password at once with “Forgot your password?” on the sign-in page, and tell your workspace owner.",
    ].join("\n"),
  };
}

const requestReset = createAction({
  name: "requestPasswordReset",
  schema: requestPasswordResetSchema,
  access: "public",
  handler: async ({ email }, { db }) => {
    await limitOrThrow(db, "password-reset:ip", clientIpFrom(await headers()), 10, hour);
    await limitOrThrow(db, "password-reset:email", email, 3, hour);
    const issued = await createResetTokenForEmail(db, email);
    // The answer is the same whether or not the account exists, so it reveals nothing.
    if (issued) {
      const link = publicUrl(`/reset-password/${issued.token}`);
      if (isMailConfigured()) await sendMail({ to: issued.user.email, ...resetEmail(link) });
      // Local http runs (the demo) print the link instead; a real https deployment never logs it.
      else if (!getEnv().isHttps)
        console.info(`[password-reset] SMTP is not configured. Demo reset link: ${link}`);
    }
    return { sent: true };
  },
});

export async function requestPasswordResetAction(input: FormData) {
  return requestReset(input);
}

const issueLink = createAction({
  name: "issueResetLink",
  schema: issueResetLinkSchema,
  access: "owner",
  handler: async ({ membershipId }, ctx) => {
    await limitOrThrow(ctx.db, "password-reset:issuer", ctx.user.id, 10, hour);
    const issued = await createResetTokenForMember(ctx, membershipId);
    const link = publicUrl(`/reset-password/${issued.token}`);
    // With email set up the member gets the link themselves and the owner never sees it.
    if (isMailConfigured()) {
      await sendMail({ to: issued.member.email, ...resetEmail(link) });
      return { emailed: true as const, link: null, expiresInMinutes: resetLinkLifetimeMs / 60000 };
    }
    return { emailed: false as const, link, expiresInMinutes: resetLinkLifetimeMs / 60000 };
  },
});

export async function issueResetLinkAction(input: FormData) {
  return issueLink(input);
}

const reset = createAction({
  name: "resetPassword",
  schema: resetPasswordSchema,
  access: "public",
  handler: async ({ token, password }, { db }) => {
    await limitOrThrow(db, "password-reset:use", clientIpFrom(await headers()), 20, hour);
    const passwordHash = await hashPassword(password);
    const changed = await resetPasswordWithToken(db, { token, passwordHash });
    // The account's owner hears of every reset, whoever made the link.
    if (isMailConfigured())
      await sendMail({ to: changed.email, ...passwordChangedEmail(changed.route) }).catch(
        (error: unknown) => logError("password-reset:changed-notice", error),
      );
    return { email: changed.email };
  },
});

export async function resetPasswordAction(input: FormData) {
  return reset(input);
}
