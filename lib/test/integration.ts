import { createTestDatabase, type TestDatabase } from "./db";

let current: Promise<TestDatabase> | undefined;

/**
 * The test file's database, created on first use and closed after the file (integration-setup.ts).
 * The app's getDb() answers with it, so actions and routes under test use the same database.
 */
export function testDatabase(): Promise<TestDatabase> {
  current ??= createTestDatabase();
  return current;
}

export async function closeTestDatabase() {
  const opened = current;
  current = undefined;
  if (opened) await (await opened).close();
}
