import type { MediaCardData } from "@/lib/validation/media";
import { mediaLibrarySearch, type MediaLibraryQuery } from "@/lib/validation/media-library";

export type MediaPage = { items: MediaCardData[]; nextCursor: string | null };

/** One keyset page of the library from its route (the Media page and the composer's dialog). */
export async function fetchMediaPage(
  workspaceId: string,
  query: MediaLibraryQuery,
  cursor: string | null,
  options: { usable?: boolean } = {},
): Promise<MediaPage> {
  const params = mediaLibrarySearch(query);
  params.set("workspaceId", workspaceId);
  if (cursor) params.set("cursor", cursor);
  if (options.usable) params.set("usable", "1");
  const res = await fetch(`/api/media/library?${params}`, { cache: "no-store" });
  const body = (await res.json().catch(() => null)) as (MediaPage & { message?: string }) | null;
  if (!res.ok || !body?.items)
    throw new Error(body?.message ?? "The media library could not be loaded. Try again.");
  return body;
}
