import { badRequest } from "./errors";
import type { FormEntry, UploadedFile } from "./multipart";

export type FormValue = string | UploadedFile;
export type FormTree = { [key: string]: FormValue | FormValue[] | FormTree };

const UNSAFE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/**
 * Turns Rails-style names (`post[body]`, `media[]`, `platforms[tiktok][format]`,
 * `thread[0][media][]`) into a nested object. Numeric keys stay object keys; callers that
 * expect a list turn them into arrays in index order.
 */
export function nestFormEntries(entries: FormEntry[]): FormTree {
  const root: FormTree = {};
  for (const entry of entries) {
    const keys = parseName(entry.name);
    const value = "file" in entry ? entry.file : entry.value;
    assign(root, keys, value, entry.name);
  }
  return root;
}

function parseName(name: string): string[] {
  const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(name);
  if (!match?.[1]) throw badRequest(`Malformed field name: ${name}`);
  const rest = [...(match[2] ?? "").matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1] ?? "");
  const keys = [match[1], ...rest];
  if (keys.some((k) => UNSAFE_KEYS.has(k))) throw badRequest(`Malformed field name: ${name}`);
  if (keys.slice(0, -1).includes("")) throw badRequest(`Unsupported field name: ${name}`);
  return keys;
}

function assign(root: FormTree, keys: string[], value: FormValue, name: string): void {
  let node: FormTree = root;
  for (let i = 0; i < keys.length - 1; i++) {
    const key = keys[i] as string;
    const nextIsList = keys[i + 1] === "";
    const existing = node[key];
    if (existing === undefined) {
      const child: FormTree | FormValue[] = nextIsList ? [] : {};
      node[key] = child;
    }
    const child = node[key];
    if (nextIsList) {
      if (!Array.isArray(child)) throw conflicting(name);
      child.push(value);
      return;
    }
    if (!isTree(child)) throw conflicting(name);
    node = child;
  }
  const last = keys[keys.length - 1] as string;
  if (node[last] !== undefined && typeof node[last] === "object" && !isFile(node[last])) {
    throw conflicting(name);
  }
  node[last] = value;
}

function isTree(value: unknown): value is FormTree {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !isFile(value);
}

export function isFile(value: unknown): value is UploadedFile {
  return typeof value === "object" && value !== null && "sha256" in value && "path" in value;
}

function conflicting(name: string) {
  return badRequest(
    `Conflicting form field ${name}: send each field once, and platforms/thread either as JSON or as bracket fields`,
  );
}
