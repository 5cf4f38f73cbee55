import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import type { WorkspaceRole } from "@/lib/validation/enums";
import { requireRole, type UserCtx, type WorkspaceCtx } from "@/lib/data/context";
import { resolveWorkspaceCtx } from "@/lib/data/workspaces";
import { getSessionUser } from "@/lib/auth/session";
import { isAppError, type ActionResult, type FieldErrors } from "@/lib/errors";
import { logError } from "@/lib/log";

type Access = "public" | "user" | WorkspaceRole;
type CtxFor<A extends Access> = A extends "public"
  ? { db: Awaited<ReturnType<typeof getDb>> }
  : A extends "user"
    ? UserCtx
    : WorkspaceCtx;

const secretField = /key|password|secret|token/i;

function toObject(input: unknown): Record<string, unknown> {
  if (input instanceof FormData) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of input.entries()) {
      if (k.startsWith("$ACTION")) continue;
      out[k] = v;
    }
    return out;
  }
  return input && typeof input === "object" ? { ...(input as Record<string, unknown>) } : {};
}

// Enough to refill any form field; a failed request never echoes megabytes back.
export const echoLimits = { perField: 300, fields: 40 } as const;

/** Echoed back so a form can refill what the user typed; secrets are never echoed. */
export function safeValues(raw: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  let count = 0;
  for (const [k, v] of Object.entries(raw)) {
    if (typeof v !== "string" || secretField.test(k) || k.length > 100) continue;
    if (++count > echoLimits.fields) break;
    out[k] = v.slice(0, echoLimits.perField);
  }
  return out;
}

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/**
 * The one wrapper for server actions: input → session and role → validation (all field errors) →
 * handler, with expected failures returned as ActionResult and everything else logged as internal.
 */
export function createAction<S extends z.ZodType, A extends Access, T>(config: {
  name: string;
  schema: S;
  access: A;
  handler: (input: z.output<S>, ctx: CtxFor<A>) => Promise<T>;
}) {
  return async (input?: FormData | z.input<S>): Promise<ActionResult<T>> => {
    const raw = toObject(input);
    try {
      const db = await getDb();
      let ctx: unknown = { db };
      if (config.access !== "public") {
        const user = await getSessionUser();
        if (!user)
          return {
            ok: false,
            code: "unauthorized",
            message: "Your session has ended. Sign in again.",
          };
        ctx = { db, user };
        if (config.access !== "user") {
          const requested = typeof raw.workspaceId === "string" ? raw.workspaceId : undefined;
          if (requested !== undefined && !z.uuid().safeParse(requested).success) {
            return {
              ok: false,
              code: "invalid_input",
              message: "Invalid workspace.",
              fieldErrors: { workspaceId: ["Invalid workspace."] },
            };
          }
          const wctx = await resolveWorkspaceCtx(db, user, requested);
          if (!wctx)
            return {
              ok: false,
              code: "forbidden",
              message: "You are not a member of this workspace.",
            };
          requireRole(wctx, config.access as WorkspaceRole);
          ctx = wctx;
        }
      }
      const parsed = config.schema.safeParse(raw);
      if (!parsed.success) {
        return {
          ok: false,
          code: "invalid_input",
          message: "Some fields need attention.",
          fieldErrors: fieldErrorsOf(parsed.error),
          values: safeValues(raw),
        };
      }
      const data = await config.handler(parsed.data, ctx as CtxFor<A>);
      return { ok: true, data };
    } catch (error) {
      // Next signals redirect() and notFound() by throwing; they must reach Next untouched.
      unstable_rethrow(error);
      if (isAppError(error)) {
        return {
          ok: false,
          code: error.code,
          message: error.message,
          fieldErrors: error.fieldErrors,
          ...(error.meta ? { meta: error.meta } : {}),
          values: safeValues(raw),
        };
      }
      const id = logError(`action:${config.name}`, error);
      return {
        ok: false,
        code: "internal",
        message: `Something went wrong on our side (error ${id}). Please try again.`,
      };
    }
  };
}
