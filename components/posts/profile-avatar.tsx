import { cn } from "@/lib/utils";

/** A TikTok account's avatar, or its initial when Postproxy has none. */
export function ProfileAvatar({
  name,
  url,
  size = "md",
}: {
  name: string;
  url: string | null;
  size?: "sm" | "md";
}) {
  const box = size === "sm" ? "size-6 text-xs" : "size-10 text-sm";
  if (url)
    return (
      // Avatars come from Postproxy's CDN (or the sandbox); next/image would need every host listed.
      // eslint-disable-next-line @next/next/no-img-element
      <img src={url} alt="" className={cn(box, "shrink-0 rounded-full bg-gray-100 object-cover")} />
    );
  return (
    <span
      aria-hidden
      className={cn(
        box,
        "flex shrink-0 items-center justify-center rounded-full bg-gray-200 font-semibold text-gray-600",
      )}
    >
      {name.slice(0, 1).toUpperCase()}
    </span>
  );
}
