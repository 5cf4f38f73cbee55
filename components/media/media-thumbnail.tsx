import type { LucideIcon } from "lucide-react";
import { cn } from "@/lib/utils";

/**
 * A library file's stored thumbnail filling its box, or the kind's icon when it has none (a file
 * still processing, a refused one).
 */
export function MediaThumbnail({
  media,
  icon: Icon,
  width,
  height,
  fit,
  className,
  iconClassName,
}: {
  media: { id: string; hasThumbnail: boolean };
  icon: LucideIcon;
  width: number;
  height: number;
  fit: "cover" | "contain";
  className: string;
  iconClassName: string;
}) {
  return (
    <span
      className={cn(
        "relative flex items-center justify-center overflow-hidden bg-gray-100",
        className,
      )}
    >
      {media.hasThumbnail ? (
        // eslint-disable-next-line @next/next/no-img-element -- an authorized API route, not a static asset
        <img
          src={`/api/media/${media.id}/thumbnail`}
          alt=""
          width={width}
          height={height}
          loading="lazy"
          decoding="async"
          className={cn(
            "absolute inset-0 size-full",
            fit === "cover" ? "object-cover" : "object-contain",
          )}
        />
      ) : (
        <Icon className={cn("text-gray-400", iconClassName)} aria-hidden />
      )}
    </span>
  );
}
