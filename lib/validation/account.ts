import { z } from "zod";
import { newPasswordSchema } from "./auth";
import { text } from "./text";

export const changePasswordSchema = z
  .object({
    currentPassword: text({ error: "Enter your current password." })
      .min(1, "Enter your current password.")
      .max(200, "Use at most 200 characters."),
    newPassword: newPasswordSchema,
    confirmPassword: text({ error: "Repeat the new password." }).min(1, "Repeat the new password."),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    error: "The two new passwords are not the same.",
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ["newPassword"],
    error: "Choose a password different from your current one.",
  });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const signOutEverywhereSchema = z.object({});
