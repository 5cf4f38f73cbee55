import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { getEnv } from "@/lib/env";

export type Mail = { to: string; subject: string; text: string };

let transport: Transporter | undefined;

export function isMailConfigured(): boolean {
  return !!getEnv().SMTP_HOST;
}

/** Sends through the configured SMTP server; callers check isMailConfigured first. */
export async function sendMail(mail: Mail): Promise<void> {
  const env = getEnv();
  if (!env.SMTP_HOST) throw new Error("SMTP is not configured.");
  transport ??= nodemailer.createTransport({
    host: env.SMTP_HOST,
    port: env.SMTP_PORT,
    secure: env.SMTP_SECURE,
    auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASSWORD ?? "" } : undefined,
  });
  await transport.sendMail({ from: env.SMTP_FROM, ...mail });
}

/** The app's public origin, for links in emails and copied links. */
export function publicUrl(path: string): string {
  return new URL(path, getEnv().NEXTAUTH_URL ?? "http://localhost:3000").toString();
}
