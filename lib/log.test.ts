import { afterEach, describe, expect, it, vi } from "vitest";
import { DrizzleQueryError } from "drizzle-orm/errors";
import { guardConsole, logError, redact, sanitizeLogArgument, summarizeError } from "./log";

const hash = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA";

function captureLog() {
  const lines: string[] = [];
  vi.spyOn(console, "error").mockImplementation((line: unknown) => lines.push(String(line)));
  return lines;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("logError", () => {
  it("logs a failed query by class and SQLSTATE, never its parameters", () => {
    const driverError = Object.assign(
      new Error('invalid byte sequence for encoding "UTF8": 0x00 near "Ana"'),
      { name: "PostgresError", code: "22021", severity: "ERROR", detail: "Key (email)=(x)" },
    );
    const error = new DrizzleQueryError(
      'insert into "users" ("email", "name", "password_hash") values ($1, $2, $3)',
      ["ana@agency.test", "Ana\u0000", hash],
      driverError,
    );
    const lines = captureLog();
    const id = logError("action:signUp", error);
    expect(lines).toHaveLength(1);
    const line = lines[0];
    expect(line).not.toContain("$argon2");
    expect(line).not.toContain("ana@agency.test");
    expect(line).not.toContain("params");
    expect(line).not.toContain("Ana");
    expect(line).not.toContain("Key (email)");
    expect(JSON.parse(line)).toMatchObject({
      level: "error",
      scope: "action:signUp",
      id,
      name: "DrizzleQueryError",
      cause: { name: "PostgresError", code: "22021", severity: "ERROR" },
    });
  });

  it("keeps the message of other errors, with emails and hashes redacted", () => {
    const lines = captureLog();
    logError("x", new TypeError(`cannot read user ana@agency.test with ${hash}`), {
      note: "for bob.smith+tag@example.co.uk",
    });
    const logged = JSON.parse(lines[0]);
    expect(logged.message).toBe("cannot read user [email] with [password-hash]");
    expect(logged.note).toBe("for [email]");
    expect(logged.stack).toContain("log.test.ts");
  });

  it("summarizes non-errors without their content", () => {
    expect(summarizeError({ password: "x" })).toEqual({ name: "object" });
    expect(redact("Authorization: Bearer abc.def")).toBe("Authorization: Bearer [redacted]");
    expect(redact("at fn (/app/node_modules/@next/dist/x.js:1:2)")).toBe(
      "at fn (/app/node_modules/@next/dist/x.js:1:2)",
    );
  });
});

describe("the console guard", () => {
  it("summarizes database errors and redacts text whoever logs them (Next.js included)", () => {
    const failed = new DrizzleQueryError(
      'select "id" from "users" where "email" = $1',
      ["ana@agency.test"],
      Object.assign(new Error("boom"), { code: "57014" }),
    );
    const wrapped = new Error("render failed", { cause: failed });
    expect(sanitizeLogArgument(failed)).toBe(JSON.stringify(summarizeError(failed)));
    expect(String(sanitizeLogArgument(wrapped))).not.toContain("ana@agency.test");
    expect(sanitizeLogArgument(`user ${"ana@agency.test"} hash ${hash}`)).toBe(
      "user [email] hash [password-hash]",
    );
    const plain = new RangeError("bad range");
    expect(sanitizeLogArgument(plain)).toBe(plain);

    const printed: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => printed.push(args);
    try {
      guardConsole();
      console.error("⨯", failed);
    } finally {
      console.error = original;
    }
    expect(JSON.stringify(printed)).not.toContain("ana@agency.test");
    expect(JSON.stringify(printed)).toContain("57014");
  });
});
