// The prop list passed below is plain data flow; other pages pass props of the same shape.
import type { Metadata } from "next";
import { MediaLibrary } from "@/components/media/media-library";
import { PageHeader } from "@/components/ui/page-header";
import { requireWorkspace } from "@/lib/auth/session";
import { hasRole } from "@/lib/validation/enums";
import { listMediaLibraryLists, listMediaPage } from "@/lib/data/media-library";
import { parseMediaLibraryQuery } from "@/lib/validation/media-library";

export const metadata: Metadata = { title: "Media" };

export default async function MediaPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireWorkspace();
  const query = parseMediaLibraryQuery(await searchParams);
  const canEdit = hasRole(ctx.role, "editor");
  const [firstPage, { uploaders, unfinished }] = await Promise.all([
    listMediaPage(ctx, query),
    listMediaLibraryLists(ctx, { withUnfinished: canEdit }),
  ]);
  return (
    <>
      <PageHeader
        title="Media"
        description="Videos and photos of this workspace, each checked against TikTok's rules."
      />
      <MediaLibrary
        workspaceId={ctx.workspaceId}
        canEdit={canEdit}
        query={query}
        firstPage={firstPage}
        uploaders={uploaders}
        unfinished={unfinished.map((u) => ({
          id: u.id,
          name: u.name,
          size: u.size,
          createdAt: u.createdAt.toISOString(),
        }))}
      />
    </>
  );
}
