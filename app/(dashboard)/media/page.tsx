import type { Metadata } from "next";
import { MediaLibrary } from "@/components/media/media-library";
import type { MediaCardData } from "@/components/media/types";
import { PageHeader } from "@/components/ui/page-header";
import { requireWorkspace } from "@/lib/auth/session";
import { listMedia, listUnfinishedUploads, type MediaItem } from "@/lib/data/media";
import { hasRole } from "@/lib/validation/enums";
import { mediaKindFilterSchema } from "@/lib/validation/media";

export const metadata: Metadata = { title: "Media" };

function toCard(m: MediaItem, names: Map<string, string>): MediaCardData {
  return {
    id: m.id,
    name: m.name,
    status: m.status,
    kind: m.kind,
    size: m.size,
    mime: m.mime,
    durationSec: m.durationSec,
    width: m.width,
    height: m.height,
    frameRate: m.frameRate,
    rejectReason: m.rejectReason,
    hasThumbnail: m.hasThumbnail,
    convertedFromName: m.convertedFromId ? (names.get(m.convertedFromId) ?? null) : null,
    createdAt: m.createdAt.toISOString(),
    uploadedByName: m.uploadedByName,
  };
}

export default async function MediaPage({
  searchParams,
}: {
  searchParams: Promise<{ kind?: string }>;
}) {
  const ctx = await requireWorkspace();
  const kind = mediaKindFilterSchema.parse((await searchParams).kind);
  const canEdit = hasRole(ctx.role, "editor");
  const [media, unfinished] = await Promise.all([
    listMedia(ctx, { kind }),
    canEdit ? listUnfinishedUploads(ctx) : Promise.resolve([]),
  ]);
  const names = new Map(media.map((m) => [m.id, m.name]));
  return (
    <>
      <PageHeader
        title="Media"
        description="Videos and photos of this workspace, each checked against TikTok's rules."
      />
      <MediaLibrary
        workspaceId={ctx.workspaceId}
        canEdit={canEdit}
        kind={kind}
        media={media.map((m) => toCard(m, names))}
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
