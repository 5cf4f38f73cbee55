import { afterEach, describe, expect, it, vi } from "vitest";
import type { TestModule } from "vitest/node";
import { PostgresRunGuard } from "./postgres-run-guard";

const moduleOf = (project: string, passed: number) =>
  ({
    project: { name: project },
    children: { allTests: () => Array.from({ length: passed }, () => ({})).values() },
  }) as unknown as TestModule;

const saved = { url: process.env.TEST_DATABASE_URL, exitCode: process.exitCode };
afterEach(() => {
  process.env.TEST_DATABASE_URL = saved.url;
  process.exitCode = saved.exitCode;
  vi.restoreAllMocks();
});

function run(url: string | undefined, modules: TestModule[]) {
  if (url === undefined) delete process.env.TEST_DATABASE_URL;
  else process.env.TEST_DATABASE_URL = url;
  process.exitCode = 0;
  vi.spyOn(console, "error").mockImplementation(() => {});
  new PostgresRunGuard().onTestRunEnd(modules);
  return process.exitCode;
}

describe("PostgresRunGuard", () => {
  const url = "postgres://postgres@127.0.0.1:5432/postgres";

  it("fails the run when TEST_DATABASE_URL is set and only PGlite ran integration tests", () => {
    expect(run(url, [moduleOf("unit", 3), moduleOf("int:pglite", 4)])).toBe(1);
    expect(run(url, [moduleOf("int:pglite", 4), moduleOf("int:postgres", 0)])).toBe(1);
  });

  it("passes when PostgreSQL ran too, when no integration test ran, or without the variable", () => {
    expect(run(url, [moduleOf("int:pglite", 4), moduleOf("int:postgres", 4)])).toBe(0);
    expect(run(url, [moduleOf("unit", 3)])).toBe(0);
    expect(run(undefined, [moduleOf("int:pglite", 4)])).toBe(0);
  });
});
