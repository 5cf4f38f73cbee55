"use server";

// Every action here is a createAction entry (name, schema, access, handler) like those of the other
// lib/actions files, so the duplicate report pairs them; each stays written out so that the role an
// action needs and what it revalidates read at the action itself, not inside a shared builder.

import { headers } from "next/headers";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { hashPassword } from "@/lib/auth/password";
import {
  createResetTokenForEmail,
  createResetTokenForMember,
  resetLinkLifetimeMs,
  resetPasswordWithToken,
  type ResetRoute,
} from "@/lib/data/password-resets";
import { enforceRateLimit } from "@/lib/data/rate-limits";
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

export const requestPasswordResetAction = createAction({
  name: "requestPasswordReset",
  schema: requestPasswordResetSchema,
  access: "public",
  handler: async ({ email }, { db }) => {
    await enforceRateLimit(db, {
      scope: "password-reset:ip",
      key: clientIpFrom(await headers()),
      limit: 10,
      windowMs: hour,
    });
    await enforceRateLimit(db, {
      scope: "password-reset:email",
      key: email,
      limit: 3,
      windowMs: hour,
    });
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

export const issueResetLinkAction = createAction({
  name: "issueResetLink",
  schema: issueResetLinkSchema,
  access: "owner",
  handler: async ({ membershipId }, ctx) => {
    await enforceRateLimit(ctx.db, {
      scope: "password-reset:issuer",
      key: ctx.user.id,
      limit: 10,
      windowMs: hour,
    });
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

export const resetPasswordAction = createAction({
  name: "resetPassword",
  schema: resetPasswordSchema,
  access: "public",
  handler: async ({ token, password }, { db }) => {
    await enforceRateLimit(db, {
      scope: "password-reset:use",
      key: clientIpFrom(await headers()),
      limit: 20,
      windowMs: hour,
    });
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
