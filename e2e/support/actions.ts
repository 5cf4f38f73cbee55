import type { APIRequestContext } from "@playwright/test";
import { serverActionHeaders } from "../../scripts/lib/server-actions";
import { appUrl } from "./config";

export async function callAction(request: APIRequestContext, name: string, input: unknown[]) {
  const response = await request.post("/settings", {
    headers: serverActionHeaders(name, appUrl),
    data: JSON.stringify(input),
    maxRedirects: 0,
  });
  return { status: response.status(), body: await response.text() };
}
