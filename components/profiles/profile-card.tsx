import { StatusBadge } from "@/components/ui/status-badge";
import { DateTime } from "@/components/ui/date-time";
import { profileStatusLook } from "@/lib/format/status";
import { countOf } from "@/lib/format/plural";

/** The fields the card shows; the page passes Postproxy profiles, which have these and more. */
export type ProfileCardProfile = {
  name: string;
  platform: string;
  status: string;
  avatar_url?: string | null;
  post_count?: number | null;
  expires_at?: string | null;
};

const platformLabels: Record<string, string> = {
  tiktok: "TikTok",
  instagram: "Instagram",
  facebook: "Facebook",
  youtube: "YouTube",
};

export function ProfileCard({ profile }: { profile: ProfileCardProfile }) {
  return (
    <li className="flex items-center gap-3 rounded-md border border-gray-200 bg-white p-3">
      {profile.avatar_url ? (
        // Avatars come from Postproxy's CDN (or the sandbox); next/image would need every host listed.
        // eslint-disable-next-line @next/next/no-img-element
        <img
          src={profile.avatar_url}
          alt=""
          className="size-10 rounded-full bg-gray-100 object-cover"
        />
      ) : (
        <span
          className="flex size-10 items-center justify-center rounded-full bg-gray-200 text-sm font-semibold text-gray-600"
          aria-hidden
        >
          {profile.name.slice(0, 1).toUpperCase()}
        </span>
      )}
      <div className="min-w-0 flex-1">
        <p className="truncate text-sm font-medium text-gray-900">{profile.name}</p>
        <p className="text-xs text-gray-600">
          {platformLabels[profile.platform] ?? profile.platform}
          {typeof profile.post_count === "number"
            ? ` · ${countOf(profile.post_count, "post")}`
            : ""}
          {profile.expires_at ? (
            <>
              {` · access ${profile.status === "expired" ? "expired" : "expires"} `}
              <DateTime value={profile.expires_at} format="date" />
            </>
          ) : null}
        </p>
      </div>
      <StatusBadge look={profileStatusLook(profile.status)}>
        {profile.status === "expired" ? "Expired — reconnect in Postproxy" : undefined}
      </StatusBadge>
    </li>
  );
}
