import type { Context } from "hono";
import type { Store } from "../store/store";
import type { ProfileGroupRecord } from "../store/types";
import type { AppEnv } from "./app-env";
import { badRequest, notFound } from "./errors";

/**
 * profile_group_id scoping: an explicit query parameter wins (unknown → 404), otherwise the
 * account's first group. The sandbox key is a full-access key.
 */
export function scopeGroup(c: Context<AppEnv>, store: Store): ProfileGroupRecord | null {
  const explicit = c.req.query("profile_group_id");
  if (explicit) {
    const group = store.group(explicit);
    if (!group) throw notFound();
    return group;
  }
  return store.firstGroup() ?? null;
}

export function requireScopeGroup(c: Context<AppEnv>, store: Store): ProfileGroupRecord {
  const group = scopeGroup(c, store);
  if (!group) throw notFound();
  return group;
}

export interface Page {
  page: number;
  perPage: number;
}

const MAX_PER_PAGE = 100;

/** Zero-based pages, as Postproxy counts them. */
export function parsePage(c: Context<AppEnv>, defaultPerPage: number): Page {
  const page = intParam(c.req.query("page"), 0, "page");
  const perPage = intParam(c.req.query("per_page"), defaultPerPage, "per_page");
  if (perPage < 1) throw badRequest("per_page must be at least 1");
  return { page, perPage: Math.min(perPage, MAX_PER_PAGE) };
}

export function paginate<T, R>(items: T[], { page, perPage }: Page, map: (item: T) => R) {
  return {
    total: items.length,
    page,
    per_page: perPage,
    data: items.slice(page * perPage, page * perPage + perPage).map(map),
  };
}

function intParam(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw === "") return fallback;
  if (!/^\d+$/.test(raw)) throw badRequest(`${name} must be a non-negative integer`);
  return Number(raw);
}

/** ISO 8601 query times; `null` when absent. */
export function timeParam(c: Context<AppEnv>, name: string): number | null {
  const raw = c.req.query(name);
  if (raw === undefined || raw === "") return null;
  const time = Date.parse(raw);
  if (Number.isNaN(time)) throw badRequest(`${name} must be an ISO 8601 time`);
  return time;
}

/** Accepts both `a,b` and repeated `name[]=a&name[]=b` (the SDK and the docs differ). */
export function listParam(c: Context<AppEnv>, name: string): string[] | null {
  const values = [...(c.req.queries(name) ?? []), ...(c.req.queries(`${name}[]`) ?? [])];
  if (values.length === 0) return null;
  return values
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v !== "");
}
