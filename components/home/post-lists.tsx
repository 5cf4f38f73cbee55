import Link from "next/link";
import type { ReactNode } from "react";
import { ProfileAvatar } from "@/components/profiles/profile-avatar";
import { excerptCaption } from "@/components/posts/status";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import type { HomeTarget } from "@/lib/validation/post-view";

function Row({ item, timeLabel }: { item: HomeTarget; timeLabel: string }) {
  const caption = excerptCaption(item.caption, 80) || "No caption";
  return (
    <li className="relative flex items-start gap-3 py-3 first:pt-0 last:pb-0">
      <ProfileAvatar name={item.profileName} avatarUrl={item.profileAvatarUrl} size="lg" />
      <div className="min-w-0 flex-1">
        <Link
          href={`/posts/${item.postId}`}
          className="block truncate text-sm font-medium text-gray-900 after:absolute after:inset-0 hover:underline"
        >
          {caption}
        </Link>
        <p className="text-xs text-gray-600">
          {item.profileName}
          {item.at ? (
            <>
              {` · ${timeLabel} `}
              <DateTime value={item.at} />
            </>
          ) : null}
        </p>
        {item.error ? <p className="mt-1 text-xs text-danger-700">{item.error}</p> : null}
      </div>
    </li>
  );
}

function ListCard({
  title,
  description,
  actions,
  items,
  timeLabel,
}: {
  title: string;
  description: string;
  actions?: ReactNode;
  items: HomeTarget[];
  timeLabel: string;
}) {
  return (
    <Card>
      <CardHeader title={title} description={description} actions={actions} />
      <CardBody>
        <ul aria-label={title} className="divide-y divide-gray-100">
          {items.map((item) => (
            <Row key={item.targetId} item={item} timeLabel={timeLabel} />
          ))}
        </ul>
      </CardBody>
    </Card>
  );
}

/** "Coming up" and "Needs attention" on Home; each shows only when it has something to list. */
export function HomePostLists({
  comingUp,
  needsAttention,
}: {
  comingUp: HomeTarget[];
  needsAttention: HomeTarget[];
}) {
  if (comingUp.length === 0 && needsAttention.length === 0) return null;
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      {needsAttention.length ? (
        <ListCard
          title="Needs attention"
          description="Posts that failed on a profile in the last 14 days. Open one to see what to do."
          items={needsAttention}
          timeLabel="failed"
        />
      ) : null}
      {comingUp.length ? (
        <ListCard
          title="Coming up"
          description="The next posts scheduled to go out, soonest first."
          actions={
            <Link
              href="/posts?status=scheduled"
              className="text-sm font-medium whitespace-nowrap text-accent-700 hover:underline"
            >
              All scheduled
            </Link>
          }
          items={comingUp}
          timeLabel="goes out"
        />
      ) : null}
    </div>
  );
}
