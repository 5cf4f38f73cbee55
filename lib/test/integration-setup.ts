import { afterAll, vi } from "vitest";
import { closeTestDatabase, testDatabase } from "./integration";

// Set-up every integration test file shares (vitest.config.ts, setupFiles of the int projects):
// the app's database is the file's test database, and revalidation (which needs a Next request)
// does nothing. A file may still vi.mock either module itself to replace this.
vi.mock("@/lib/db/client", async (orig) => ({
  ...(await orig<object>()),
  getDb: async () => (await testDatabase()).db,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

afterAll(closeTestDatabase);
