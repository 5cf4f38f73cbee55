"use client";

import { AlertTriangle, Check, Film, Image as ImageIcon, X } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "@/lib/toast";
import { Badge } from "@/components/ui/badge";
import { Button, buttonVariants } from "@/components/ui/button";
import { convertMediaToJpegAction } from "@/lib/actions/media";
import {
  convertibleImageTypes,
  describeMisnamedFile,
  formatBytes,
  formatDuration,
  mediaVerdict,
  tiktokImageTypes,
  tiktokVideoTypes,
} from "@/lib/tiktok";
import { DeleteMediaDialog } from "./delete-media-dialog";
import type { MediaCardData } from "./types";
import { DateTime } from "@/components/ui/date-time";

function typeLabel(media: MediaCardData): string {
  const m = media.mime;
  if (!m) return "Unknown type";
  const label = tiktokVideoTypes[m] ?? tiktokImageTypes[m] ?? convertibleImageTypes[m];
  if (!label) return m;
  return `${label} ${media.kind === "video" ? "video" : "photo"}`;
}

function shape(media: MediaCardData): string | null {
  const dims = media.width && media.height ? `${media.width}×${media.height}` : null;
  if (media.kind === "video") {
    const parts = [media.durationSec !== null ? formatDuration(media.durationSec) : null, dims];
    if (media.frameRate) parts.push(`${Math.round(media.frameRate * 100) / 100} fps`);
    return parts.filter(Boolean).join(" · ") || null;
  }
  return dims;
}

/** Everything known about one file (the details dialog's body), with its actions. */
export function MediaDetails({
  media,
  workspaceId,
  canEdit,
  onChanged,
  onDeleted,
}: {
  media: MediaCardData;
  workspaceId: string;
  canEdit: boolean;
  onChanged(): void;
  onDeleted(ids: string[]): void;
}) {
  const router = useRouter();
  const [isConverting, startConvert] = useTransition();
  const verdict = media.status === "rejected" ? null : mediaVerdict(media);
  const misnamed = describeMisnamedFile(media.name, media.mime);
  const Icon = media.kind === "video" ? Film : ImageIcon;

  const onConvert = () =>
    startConvert(async () => {
      const result = await convertMediaToJpegAction({ workspaceId, mediaId: media.id });
      if (!result.ok) {
        toast.error(result.message);
        return;
      }
      toast.success(`Converted to “${result.data.name}”. The original stays until you delete it.`);
      onChanged();
      router.refresh();
    });

  return (
    <div className="flex flex-col overflow-hidden">
      <div className="relative flex aspect-[4/3] items-center rounded-md justify-center overflow-hidden bg-gray-100">
        {media.hasThumbnail ? (
          // eslint-disable-next-line @next/next/no-img-element -- an authorized API route, not a static asset
          <img
            src={`/api/media/${media.id}/thumbnail`}
            alt={`Thumbnail of ${media.name}`}
            className="absolute inset-0 size-full object-contain"
          />
        ) : (
          <div className="flex flex-col items-center text-gray-400" aria-label="No thumbnail">
            <Icon className="size-10" aria-hidden />
            <span className="mt-1 text-xs">{shape(media) ?? "No preview"}</span>
          </div>
        )}
      </div>
      <div className="flex flex-1 flex-col gap-2 pt-4">
        <div className="min-w-0">
          <p className="text-xs text-gray-500">
            {typeLabel(media)} · {formatBytes(media.size)}
            {shape(media) ? ` · ${shape(media)}` : ""}
          </p>
        </div>
        {verdict === null ? (
          <div>
            <Badge tone="red">Refused</Badge>
            <p className="mt-1 text-xs text-red-700">{media.rejectReason}</p>
          </div>
        ) : (
          <div>
            {verdict.passes ? (
              <Badge tone={verdict.warnings.length ? "amber" : "green"}>
                {verdict.warnings.length ? "Ready, with warnings" : "Ready for TikTok"}
              </Badge>
            ) : (
              <Badge tone="red">TikTok won’t take it</Badge>
            )}
            {misnamed ? (
              <p className="mt-2 text-xs font-medium text-gray-900">
                {misnamed}
                {verdict.canConvertToJpeg ? "; convert it to JPEG to post it." : "."}
              </p>
            ) : null}
            <ul className="mt-2 space-y-1 text-xs" aria-label={`TikTok checks for ${media.name}`}>
              {verdict.checks.map((c) => (
                <li key={c.rule} className="flex gap-1.5">
                  {c.ok ? (
                    <Check
                      className="mt-0.5 size-3.5 shrink-0 text-green-600"
                      aria-label="Passes"
                    />
                  ) : (
                    <X className="mt-0.5 size-3.5 shrink-0 text-red-600" aria-label="Fails" />
                  )}
                  <span className={c.ok ? "text-gray-600" : "text-red-700"}>
                    {c.rule}: {c.text}
                  </span>
                </li>
              ))}
              {verdict.warnings.map((w) => (
                <li key={w} className="flex gap-1.5">
                  <AlertTriangle
                    className="mt-0.5 size-3.5 shrink-0 text-amber-600"
                    aria-label="Warning"
                  />
                  <span className="text-amber-800">{w}</span>
                </li>
              ))}
            </ul>
          </div>
        )}
        <p className="mt-auto text-xs text-gray-500">
          {media.convertedFromName ? `Converted from ${media.convertedFromName} · ` : ""}
          {media.uploadedByName ?? "A former member"} · <DateTime value={media.createdAt} />
        </p>
        <div className="flex flex-wrap gap-2">
          {verdict?.passes ? (
            <Link
              href={`/compose?media=${media.id}`}
              className={buttonVariants({ size: "sm", variant: "secondary" })}
            >
              Use in a new post
            </Link>
          ) : null}
          {canEdit && verdict?.canConvertToJpeg ? (
            <Button size="sm" variant="secondary" onClick={onConvert} disabled={isConverting}>
              {isConverting ? "Converting…" : "Convert to JPEG"}
            </Button>
          ) : null}
          {canEdit ? (
            <DeleteMediaDialog
              workspaceId={workspaceId}
              files={[{ id: media.id, name: media.name }]}
              onDeleted={onDeleted}
              trigger={
                <Button size="sm" variant="danger" aria-label={`Delete ${media.name}`}>
                  Delete
                </Button>
              }
            />
          ) : null}
        </div>
      </div>
    </div>
  );
}
