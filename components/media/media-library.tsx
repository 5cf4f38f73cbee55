"use client";

import { ImageIcon } from "lucide-react";
import dynamic from "next/dynamic";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { cn } from "@/lib/utils";
import type { MediaKindFilter } from "@/lib/validation/media";
import { MediaCard } from "./media-card";
import type { MediaCardData, UnfinishedUpload } from "./types";

// tus-js-client and the upload UI load only for people who can upload.
const Uploader = dynamic(() => import("./uploader").then((m) => m.Uploader), {
  ssr: false,
  loading: () => <div className="mb-8 h-44 animate-pulse rounded-lg bg-gray-100" />,
});

const filters: { value: MediaKindFilter; label: string }[] = [
  { value: "all", label: "All" },
  { value: "video", label: "Videos" },
  { value: "image", label: "Photos" },
];

export function MediaLibrary({
  workspaceId,
  canEdit,
  kind,
  media,
  unfinished,
}: {
  workspaceId: string;
  canEdit: boolean;
  kind: MediaKindFilter;
  media: MediaCardData[];
  unfinished: UnfinishedUpload[];
}) {
  return (
    <>
      {canEdit ? <Uploader workspaceId={workspaceId} unfinished={unfinished} /> : null}
      <nav aria-label="Filter by kind" className="mb-4 flex flex-wrap gap-2">
        {filters.map((f) => (
          <Link
            key={f.value}
            href={f.value === "all" ? "/media" : `/media?kind=${f.value}`}
            aria-current={kind === f.value ? "page" : undefined}
            className={cn(
              "rounded-full px-3 py-1 text-sm font-medium",
              kind === f.value ? "bg-accent-50 text-accent-800" : "text-gray-600 hover:bg-gray-100",
            )}
          >
            {f.label}
          </Link>
        ))}
      </nav>
      {media.length === 0 ? (
        <EmptyState
          icon={ImageIcon}
          title={kind === "all" ? "No media yet" : "Nothing of this kind yet"}
        >
          {canEdit
            ? "Upload videos and photos above; each file is checked against TikTok's rules as soon as it arrives."
            : "Editors and owners of this workspace upload videos and photos here."}
        </EmptyState>
      ) : (
        <ul aria-label="Media files" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {media.map((m) => (
            <MediaCard key={m.id} media={m} workspaceId={workspaceId} canEdit={canEdit} />
          ))}
        </ul>
      )}
    </>
  );
}
