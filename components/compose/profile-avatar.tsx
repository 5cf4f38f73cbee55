import { cn } from "@/lib/utils";

/** A TikTok avatar from Postproxy's CDN, or the nickname's first letter. */
export function ProfileAvatar({
  name,
  avatarUrl,
  className,
}: {
  name: string;
  avatarUrl: string | null;
  className?: string;
}) {
  if (avatarUrl) {
    return (
      // Avatars come from Postproxy's CDN (or the sandbox); next/image would need every host listed.
      // eslint-disable-next-line @next/next/no-img-element
      <img
        src={avatarUrl}
        alt=""
        className={cn("size-9 shrink-0 rounded-full bg-gray-100 object-cover", className)}
      />
    );
  }
  return (
    <span
      aria-hidden
      className={cn(
        "flex size-9 shrink-0 items-center justify-center rounded-full bg-gray-200 text-sm font-semibold text-gray-600",
        className,
      )}
    >
      {name.slice(0, 1).toUpperCase()}
    </span>
  );
}
