import type { Reporter, TestModule } from "vitest/node";

/**
 * Fails the run when TEST_DATABASE_URL is set and integration tests ran on PGlite but none ran on
 * PostgreSQL (the project was filtered out or every file skipped), so CI cannot go green while
 * silently testing only one driver.
 */
export class PostgresRunGuard implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
    if (!process.env.TEST_DATABASE_URL) return;
    const passedIn = (project: string) =>
      testModules
        .filter((m) => m.project.name === project)
        .flatMap((m) => [...m.children.allTests("passed")]).length;
    if (passedIn("int:pglite") > 0 && passedIn("int:postgres") === 0) {
      console.error(
        "\nTEST_DATABASE_URL is set but no integration test passed on PostgreSQL (int:postgres).\n",
      );
      process.exitCode = 1;
    }
  }
}
