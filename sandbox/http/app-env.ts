import type { HttpBindings } from "@hono/node-server";
import type { Hono } from "hono";
import type { ParsedForm } from "./multipart";

export type ParsedBody =
  | { kind: "empty"; digest: string }
  | { kind: "json"; value: unknown; digest: string }
  | { kind: "form"; form: ParsedForm; digest: string };

export interface AppEnv {
  Bindings: HttpBindings;
  Variables: {
    requestId: string;
    body: Promise<ParsedBody> | undefined;
  };
}

export type App = Hono<AppEnv>;
