import { readFileSync } from "node:fs";
import path from "node:path";

/** A server action's id in the current build, so a test or bench can call it with a hand-made POST. */
export function serverActionId(exportedName: string): string {
  const manifest = JSON.parse(
    readFileSync(path.resolve(".next/server/server-reference-manifest.json"), "utf8"),
  );
  const entry = Object.entries(manifest.node as Record<string, { exportedName?: string }>).find(
    ([, v]) => v.exportedName === exportedName,
  );
  if (!entry) throw new Error(`No server action named ${exportedName} in the build`);
  return entry[0];
}

/** The headers a browser sends with a server action POST from a page of `origin`. */
export function serverActionHeaders(exportedName: string, origin: string): Record<string, string> {
  return {
    "Next-Action": serverActionId(exportedName),
    "Content-Type": "text/plain;charset=UTF-8",
    Accept: "text/x-component",
    Origin: origin,
  };
}
