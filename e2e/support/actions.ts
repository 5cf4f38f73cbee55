import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { appUrl } from "./config";

/** Server action ids from the build, so a test can call an action with a hand-made POST. */
function actionId(exportedName: string): string {
  const manifest = JSON.parse(
    readFileSync(path.resolve(".next/server/server-reference-manifest.json"), "utf8"),
  );
  const entry = Object.entries(manifest.node as Record<string, { exportedName?: string }>).find(
    ([, v]) => v.exportedName === exportedName,
  );
  if (!entry) throw new Error(`No server action named ${exportedName} in the build`);
  return entry[0];
}

export async function callAction(request: APIRequestContext, name: string, input: unknown[]) {
  const response = await request.post("/settings", {
    headers: {
      "Next-Action": actionId(name),
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
      Origin: appUrl,
    },
    data: JSON.stringify(input),
    maxRedirects: 0,
  });
  return { status: response.status(), body: await response.text() };
}
