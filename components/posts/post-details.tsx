import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { formatDateTime } from "@/lib/format/date";
import { scheduleTexts } from "@/lib/tiktok";
import type { PostView } from "@/lib/validation/post-view";
import { describeSettings } from "./settings-words";

function Caption({ caption }: { caption: string }) {
  if (!caption.trim()) return <p className="text-sm text-gray-600">No caption.</p>;
  // pre-wrap keeps the line breaks the way TikTok shows them.
  return (
    <p className="text-sm whitespace-pre-wrap text-gray-900 [overflow-wrap:anywhere]">{caption}</p>
  );
}

function When({ post }: { post: PostView }) {
  if (post.scheduleMode === "schedule" && post.scheduledAt)
    return (
      <dl className="space-y-2 text-sm">
        <div>
          <dt className="text-gray-600">In the post&apos;s timezone ({post.timeZone})</dt>
          <dd className="font-medium text-gray-900">
            {formatDateTime(post.scheduledAt, { timeZone: post.timeZone, withZone: true })}
          </dd>
        </div>
        <div>
          <dt className="text-gray-600">In your timezone</dt>
          <dd className="font-medium text-gray-900">
            <DateTime value={post.scheduledAt} />
          </dd>
        </div>
      </dl>
    );
  if (post.scheduleMode === "now")
    return (
      <p className="text-sm text-gray-900">
        {scheduleTexts.modes.now}
        {post.submittedAt ? (
          <>
            {" · sent "}
            <DateTime value={post.submittedAt} />
          </>
        ) : null}
      </p>
    );
  return <p className="text-sm text-gray-900">Not scheduled: this is a draft.</p>;
}

/** Caption, TikTok settings and schedule of a post, as sent (or as saved, for a draft). */
export function PostDetails({ post }: { post: PostView }) {
  return (
    <>
      <Card>
        <CardHeader title="Caption" />
        <CardBody>
          <Caption caption={post.caption} />
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="TikTok settings" />
        <CardBody>
          <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
            {describeSettings(post.settings, post.format).map((line) => (
              <div key={line.term}>
                <dt className="text-gray-600">{line.term}</dt>
                <dd className="font-medium text-gray-900">{line.detail}</dd>
              </div>
            ))}
          </dl>
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="When" />
        <CardBody>
          <When post={post} />
        </CardBody>
      </Card>
    </>
  );
}
