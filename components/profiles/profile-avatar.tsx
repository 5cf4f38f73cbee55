import { cn } from "@/lib/utils";

const sizes = { sm: "size-6 text-xs", md: "size-9 text-sm", lg: "size-10 text-sm" } as const;

/** The one avatar of a profile in the whole UI: Postproxy's picture, or the name's initial. */
export function ProfileAvatar({
  name,
  avatarUrl,
  size = "md",
  className,
}: {
  name: string;
  avatarUrl: string | null;
  size?: keyof typeof sizes;
  className?: string;
}) {
  if (avatarUrl)
    return (
      // Avatars come from Postproxy's CDN (or the sandbox); next/image would need every host listed.
      // eslint-disable-next-line @next/next/no-img-element
      <img
        src={avatarUrl}
        alt=""
        className={cn(sizes[size], "shrink-0 rounded-full bg-gray-100 object-cover", className)}
      />
    );
  return (
    <span
      aria-hidden
      className={cn(
        sizes[size],
        "flex shrink-0 items-center justify-center rounded-full bg-gray-200 font-semibold text-gray-600",
        className,
      )}
    >
      {name.slice(0, 1).toUpperCase()}
    </span>
  );
}
