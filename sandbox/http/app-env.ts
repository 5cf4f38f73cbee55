import type { HttpBindings } from "@hono/node-server";
import type { Hono } from "hono";
import type { ParsedBody } from "./body";

export interface AppEnv {
  Bindings: HttpBindings;
  Variables: {
    requestId: string;
    body: Promise<ParsedBody> | undefined;
  };
}

export type App = Hono<AppEnv>;
