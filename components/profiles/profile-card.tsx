import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { DateTime } from "@/components/ui/date-time";
import { platformLabels, profileHealth, type Profile } from "@/lib/validation/social-profile";
import { ProfileAvatar } from "./profile-avatar";

const healthBadge = {
  ok: { tone: "green", text: "Active" },
  expiring: { tone: "amber", text: "Expires soon" },
  expired: { tone: "red", text: "Expired" },
  inactive: { tone: "amber", text: "Inactive" },
} as const;

/** A profile with its connection health: status, expiry, last good call, posts at risk. */
export function ProfileCard({
  profile,
  atRisk = 0,
  reconnect,
}: {
  profile: Profile;
  /** Scheduled posts that will fail as things stand. */
  atRisk?: number;
  /** The group's Connect control, shown when the profile needs reconnecting. */
  reconnect?: React.ReactNode;
}) {
  const health = profileHealth(profile);
  const badge = healthBadge[health];
  return (
    <li className="rounded-md border border-gray-200 bg-white p-3">
      <div className="flex items-center gap-3">
        <ProfileAvatar name={profile.name} avatarUrl={profile.avatarUrl} size="lg" />
        <div className="min-w-0 flex-1">
          <p className="truncate text-sm font-medium text-gray-900">{profile.name}</p>
          <p className="text-xs text-gray-600">
            {platformLabels[profile.platform] ?? profile.platform}
            {profile.username && profile.name !== `@${profile.username}`
              ? ` · @${profile.username}`
              : ""}
            {typeof profile.postCount === "number"
              ? ` · ${profile.postCount} ${profile.postCount === 1 ? "post" : "posts"}`
              : ""}
          </p>
        </div>
        <Badge tone={badge.tone}>{badge.text}</Badge>
      </div>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs text-gray-600">
        <dt>Access</dt>
        <dd>
          {profile.expiresAt ? (
            <>
              {health === "expired" ? "expired " : "expires "}
              <DateTime value={profile.expiresAt} format="date" />
            </>
          ) : (
            "no expiry given by Postproxy"
          )}
        </dd>
        <dt>Last successful check</dt>
        <dd>{profile.lastSuccessAt ? <DateTime value={profile.lastSuccessAt} /> : "never"}</dd>
        {atRisk > 0 ? (
          <>
            <dt className="font-medium text-danger-800">At risk</dt>
            <dd className="text-danger-800">
              <Link href="/posts?status=scheduled" className="underline">
                {atRisk} scheduled {atRisk === 1 ? "post" : "posts"}
              </Link>{" "}
              will fail unless the account is reconnected
            </dd>
          </>
        ) : null}
      </dl>
      {health !== "ok" && reconnect ? <div className="mt-2">{reconnect}</div> : null}
    </li>
  );
}
