import { createHash } from "node:crypto";
import type { Context } from "hono";
import type { AppEnv, ParsedBody } from "./app-env";
import { badRequest } from "./errors";
import { parseMultipart, type ParsedForm } from "./multipart";

const MAX_JSON_BYTES = 10 * 1024 * 1024;

/**
 * Reads the request body once per request (idempotency and the route both need it). The
 * digest describes the content, not the bytes: a multipart retry has a new boundary.
 */
export function readBody(c: Context<AppEnv>, newUploadPath: () => string): Promise<ParsedBody> {
  const cached = c.get("body");
  if (cached) return cached;
  const promise = parse(c, newUploadPath);
  c.set("body", promise);
  return promise;
}

async function parse(c: Context<AppEnv>, newUploadPath: () => string): Promise<ParsedBody> {
  const type = (c.req.header("content-type") ?? "").toLowerCase();
  if (type.startsWith("multipart/form-data")) {
    const form = await parseMultipart(c.env.incoming, newUploadPath);
    return { kind: "form", form, digest: formDigest(form) };
  }
  const text = await c.req.text();
  if (text.length > MAX_JSON_BYTES) throw badRequest("Request body is too large");
  if (text.trim() === "") return { kind: "empty", digest: sha256("") };
  if (!type.includes("json")) {
    throw badRequest("Unsupported content type; send application/json or multipart/form-data");
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw badRequest("Request body is not valid JSON");
  }
  return { kind: "json", value, digest: sha256(canonicalJson(value)) };
}

function formDigest(form: ParsedForm): string {
  const lines = form.entries.map((e) =>
    "file" in e ? `${e.name}=@${e.file.sha256}:${e.file.size}` : `${e.name}=${e.value}`,
  );
  return sha256(lines.join("\n"));
}

/** Key order must not make "the same body" look different. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
