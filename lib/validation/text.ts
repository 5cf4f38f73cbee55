import { z } from "zod";

export const controlCharactersMessage = "Remove control characters.";

// C0 controls, DEL and C1 controls. NUL in particular fails in PostgreSQL text columns.
const anyControl = /[\u0000-\u001F\u007F-\u009F]/;
// Multi-line text may keep tabs and line breaks.
const controlButLineBreaks = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** A string field refusing control characters, with a field error of its own (checked first). */
export function text(options: { error?: string; multiline?: boolean } = {}) {
  const pattern = options.multiline ? controlButLineBreaks : anyControl;
  return z
    .string(options.error ? { error: options.error } : undefined)
    .refine((v) => !pattern.test(v), { error: controlCharactersMessage, abort: true });
}
