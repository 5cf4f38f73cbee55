"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useState } from "react";
import type { MediaLibraryQuery } from "@/lib/validation/media-library";
import { MediaFilters } from "./media-filters";
import type { MediaPage } from "./fetch-media-page";
import { MediaGrid } from "./media-grid";
import type { UnfinishedUpload } from "./types";

// tus-js-client and the upload UI load only for people who can upload.
const Uploader = dynamic(() => import("./uploader").then((m) => m.Uploader), {
  ssr: false,
  loading: () => <div className="mb-8 h-44 animate-pulse rounded-lg bg-gray-100" />,
});

export function MediaLibrary({
  workspaceId,
  canEdit,
  query,
  firstPage,
  uploaders,
  unfinished,
}: {
  workspaceId: string;
  canEdit: boolean;
  query: MediaLibraryQuery;
  firstPage: MediaPage;
  uploaders: { id: string; name: string }[];
  unfinished: UnfinishedUpload[];
}) {
  // One client per mounted page, so nothing cached crosses users or workspaces.
  const [client] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: false } } }),
  );
  return (
    <QueryClientProvider client={client}>
      {canEdit ? <Uploader workspaceId={workspaceId} unfinished={unfinished} /> : null}
      <MediaFilters query={query} uploaders={uploaders} />
      <MediaGrid workspaceId={workspaceId} canEdit={canEdit} query={query} firstPage={firstPage} />
    </QueryClientProvider>
  );
}
