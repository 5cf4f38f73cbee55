import { availableParallelism } from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";
import { PostgresRunGuard } from "./lib/test/postgres-run-guard";

const root = import.meta.dirname;
const exclude = ["node_modules/**", "e2e/**", ".next/**", ".data/**"];

// Integration tests run on PGlite always and, when TEST_DATABASE_URL is set, on PostgreSQL too.
const databaseProjects = ["pglite", ...(process.env.TEST_DATABASE_URL ? ["postgres"] : [])].map(
  (driver) => ({
    extends: true as const,
    test: {
      name: `int:${driver}`,
      include: ["**/*.int.test.ts"],
      exclude,
      env: {
        TEST_DB_DRIVER: driver,
        // Fixed test secrets (64 hex characters, 40 characters): never the machine's own.
        APP_ENCRYPTION_KEY: "a".repeat(64),
        NEXTAUTH_SECRET: "b".repeat(40),
      },
      setupFiles: ["lib/test/integration-setup.ts"],
    },
  }),
);

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      "server-only": path.resolve(root, "lib/test/server-only-stub.ts"),
    },
  },
  test: {
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Vitest's default is one worker fewer than the cores: one on these 2-core machines, which
    // left a core idle while integration files wait on PostgreSQL, PGlite and local servers. Each
    // file has its own database, sandbox and ports, so files can run side by side.
    maxWorkers: Math.max(2, availableParallelism()),
    reporters: ["default", new PostgresRunGuard()],
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["**/*.test.ts"],
          exclude: [...exclude, "**/*.int.test.ts"],
        },
      },
      ...databaseProjects,
    ],
  },
});
