import { z } from "zod";
import { emailSchema, newPasswordSchema } from "./auth";
import { idSchema } from "./workspace";

export const requestPasswordResetSchema = z.object({ email: emailSchema });

export const resetPasswordSchema = z
  .object({
    token: z.string().trim().min(1, "This reset link is not valid.").max(200),
    password: newPasswordSchema,
    confirmPassword: z.string({ error: "Repeat the new password." }),
  })
  .refine((v) => v.password === v.confirmPassword, {
    path: ["confirmPassword"],
    error: "The two passwords are not the same.",
  });

export const issueResetLinkSchema = z.object({ workspaceId: idSchema, membershipId: idSchema });
