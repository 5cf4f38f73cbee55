import { Film, ImageIcon } from "lucide-react";

/** A list row's picture: the first file's thumbnail over the format's icon. */
export function PostThumb({
  mediaId,
  format,
  mediaCount,
}: {
  mediaId: string | null;
  format: "video" | "image" | null;
  mediaCount: number;
}) {
  const Icon = format === "image" ? ImageIcon : Film;
  return (
    <div className="relative flex size-16 shrink-0 items-center justify-center overflow-hidden rounded-md bg-gray-100 text-gray-400 sm:size-20">
      {/* Shown when there is no thumbnail (a file still probing draws nothing over it). */}
      <Icon className="size-6" aria-hidden />
      {mediaId ? (
        // eslint-disable-next-line @next/next/no-img-element -- an authorized API route, not a static asset
        <img
          src={`/api/media/${mediaId}/thumbnail`}
          alt=""
          loading="lazy"
          className="absolute inset-0 size-full object-cover"
        />
      ) : null}
      {mediaCount > 1 ? (
        <span className="absolute right-1 bottom-1 rounded bg-gray-900/75 px-1 text-[11px] font-medium text-white">
          {mediaCount}
        </span>
      ) : null}
    </div>
  );
}
