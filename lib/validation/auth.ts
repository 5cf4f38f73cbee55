import { z } from "zod";
import { text } from "./text";
import { isValidTimeZone } from "./timezone-name";

export const emailSchema = text({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email({ error: "Enter a valid email address, like name@agency.com." }));

export const newPasswordSchema = text({ error: "Choose a password." })
  .min(10, { error: "Use at least 10 characters.", abort: true })
  .max(200, { error: "Use at most 200 characters.", abort: true })
  // Spaces are allowed inside a passphrase, but ten spaces (or a word padded with them) are not one.
  .refine(
    (v) => v.trim().length >= 10,
    "Use at least 10 characters besides leading or trailing spaces.",
  );

export const signUpSchema = z.object({
  name: text({ error: "Enter your name." })
    .trim()
    .min(1, "Enter your name.")
    .max(80, "Use at most 80 characters."),
  email: emailSchema,
  password: newPasswordSchema,
  inviteToken: text()
    .trim()
    .max(200)
    .optional()
    .transform((v) => v || undefined),
  // The browser's zone seeds the new workspace's default; anything unknown falls back to UTC.
  timezone: text()
    .optional()
    .transform((v) => (v && isValidTimeZone(v) ? v : "UTC")),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: text({ error: "Enter your password." }).min(1, "Enter your password.").max(200),
});
export type SignInInput = z.infer<typeof signInSchema>;
