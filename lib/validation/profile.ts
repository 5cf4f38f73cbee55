import { z } from "zod";
import { emailSchema } from "./auth";
import { text } from "./text";
import { idSchema } from "./workspace";

export const updateNameSchema = z.object({
  name: text({ error: "Enter your name." })
    .trim()
    .min(1, "Enter your name.")
    .max(80, "Use at most 80 characters."),
});

export const changeEmailSchema = z.object({
  email: emailSchema,
  currentPassword: z
    .string({ error: "Enter your current password." })
    .min(1, "Enter your current password.")
    .max(200),
});

export const leaveWorkspaceSchema = z.object({ workspaceId: idSchema });
