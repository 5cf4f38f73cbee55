import type { SessionUser } from "@/lib/data/context";

/**
 * Who is signed in for a test file. Route and action tests mock only getSessionUser with it:
 *   vi.mock("@/lib/auth/session", async () => (await import("@/lib/test/session")).sessionModule);
 * Everything else (workspace, role) runs for real through withWorkspaceRoute or createAction.
 */
export const testSession: { user: SessionUser | null } = { user: null };

export const sessionModule = {
  getSessionUser: async () => testSession.user,
};
