import "server-only";
import { getDb } from "@/lib/db/client";
import { requireRole, type WorkspaceCtx } from "@/lib/data/context";
import { resolveWorkspaceCtx } from "@/lib/data/workspaces";
import { AppError, isAppError, type ErrorCode } from "@/lib/errors";
import { logError } from "@/lib/log";
import type { WorkspaceRole } from "@/lib/validation/enums";
import { isUuid } from "@/lib/validation/uuid";
import { getSessionUser } from "./session";

const httpMethods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
type Method = (typeof httpMethods)[number];

const statusOf: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  upstream: 502,
  internal: 500,
};

/** JSON that no cache keeps: every answer of these routes is about one user's workspace. */
export function noStoreJson(body: unknown, status = 200, headers: HeadersInit = {}) {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

const problem = (code: ErrorCode, message: string, headers?: HeadersInit) =>
  noStoreJson({ error: code, message }, statusOf[code], headers);

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

export type WorkspaceRouteHandler = (
  req: Request,
  ctx: WorkspaceCtx,
  params: Record<string, string | string[] | undefined>,
) => Promise<Response | unknown>;

/**
 * The one opening of a route handler, as createAction is for actions: the session (401), the
 * workspace named by `?workspaceId=` or the user's current one (404 for one the user is not in,
 * so another workspace is indistinguishable from none), the role (403), then the handler. A
 * returned value is sent as `no-store` JSON; AppErrors become `{ error, message }` with their
 * status; anything else is logged with an id and answered 500. Methods not listed answer 405.
 *
 *   export const { GET, POST, PUT, PATCH, DELETE } = withWorkspaceRoute("posts", {
 *     GET: { access: "viewer", handler: async (req, ctx) => listPosts(ctx, …) },
 *   });
 */
export function withWorkspaceRoute(
  name: string,
  handlers: Partial<Record<Method, { access: WorkspaceRole; handler: WorkspaceRouteHandler }>>,
): Record<Method, (req: Request, context: RouteContext) => Promise<Response>> {
  const allow = Object.keys(handlers).join(", ");
  const entries = httpMethods.map((method) => {
    const route = handlers[method];
    if (!route) {
      const refuse = async () =>
        noStoreJson({ error: "method_not_allowed", message: `Use ${allow}.` }, 405, {
          Allow: allow,
        });
      return [method, refuse] as const;
    }
    const run = async (req: Request, context: RouteContext) => {
      try {
        const user = await getSessionUser();
        if (!user) return problem("unauthorized", "Your session has ended. Sign in again.");
        const requested = new URL(req.url).searchParams.get("workspaceId") ?? undefined;
        const ctx = await resolveWorkspaceCtx(await getDb(), user, requested);
        if (!ctx) return problem("not_found", "You are not a member of this workspace.");
        requireRole(ctx, route.access);
        const result = await route.handler(req, ctx, (await context?.params) ?? {});
        return result instanceof Response ? result : noStoreJson(result);
      } catch (error) {
        if (isAppError(error)) return problem(error.code, error.message);
        const id = logError(`route:${name}:${method}`, error);
        return problem("internal", `Something went wrong on our side (error ${id}). Try again.`);
      }
    };
    return [method, run] as const;
  });
  return Object.fromEntries(entries) as Record<
    Method,
    (req: Request, context: RouteContext) => Promise<Response>
  >;
}

/** The route's `[id]` of a post: a value that is not a uuid cannot name one, so it is a 404. */
export function postIdParam(params: Record<string, string | string[] | undefined>): string {
  const postId = typeof params.id === "string" ? params.id : "";
  if (!isUuid(postId))
    throw new AppError("not_found", "This post does not exist in this workspace.");
  return postId;
}
