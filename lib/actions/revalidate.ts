import "server-only";
import { revalidatePath } from "next/cache";

/**
 * What a change makes stale, named by the change. The shell (sidebar, workspace switcher, user
 * menu, role-gated links, the workspace's time zone on every date) sits in the root layout, so
 * changes it shows refresh the layout; the rest refresh only the pages that show them.
 */
const staleAfter = {
  shell: [["/", "layout"]],
  members: [["/settings/members", "page"]],
  alertSettings: [
    ["/settings", "page"],
    ["/account", "page"],
  ],
  apiKey: [
    ["/settings", "page"],
    ["/home", "page"],
    ["/compose", "page"],
    ["/profiles", "page"],
  ],
  media: [
    ["/media", "page"],
    ["/compose", "page"],
  ],
  posts: [
    ["/posts", "page"],
    ["/home", "page"],
  ],
} as const satisfies Record<string, readonly (readonly [string, "page" | "layout"])[]>;

export type Change = keyof typeof staleAfter | { post: string };

export function revalidateAfter(...changes: Change[]) {
  for (const change of changes) {
    if (typeof change === "object") {
      revalidatePath(`/posts/${change.post}`, "page");
      revalidateAfter("posts");
      continue;
    }
    for (const [path, type] of staleAfter[change]) revalidatePath(path, type);
  }
}
