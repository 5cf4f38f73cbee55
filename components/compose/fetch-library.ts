import type { MediaCardData } from "@/components/media/types";

/** Reads files of the workspace through the library route: all ready ones, or those named. */
export async function fetchLibrary(workspaceId: string, ids: string[] = []) {
  const query = new URLSearchParams({ workspaceId });
  for (const id of ids) query.append("id", id);
  const res = await fetch(`/api/media/library?${query}`, { cache: "no-store" });
  const body = (await res.json().catch(() => null)) as {
    items?: MediaCardData[];
    message?: string;
  } | null;
  if (!res.ok || !body?.items)
    throw new Error(body?.message ?? "The media library could not be loaded. Try again.");
  return body.items;
}
