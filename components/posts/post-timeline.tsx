import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import type { PostEventView, PostTargetView } from "@/lib/validation/post-view";
import { targetStatusWords } from "./status";

const sourceWords: Record<PostEventView["source"], string> = {
  user: "by a member",
  submit: "when it was sent",
  webhook: "reported by Postproxy",
  sync: "found by the status check",
  system: "by Postdeck",
};

const kindWords: Record<string, string> = {
  sent: "Sent to Postproxy",
  status: "Status changed",
  link: "TikTok link received",
  replayed: "Asked Postproxy again with the same request key",
  retried: "Sent again",
  unresolved: "Outcome could not be checked safely; nothing was resent",
  sender_lost: "Postdeck stopped waiting for Postproxy's answer",
  not_found: "Postproxy no longer has this post (Postdeck did not delete it)",
  previous_key: "Sent with a previous API key; no longer checked",
};

/** The post's history, oldest first: every status change and action, with who caused it. */
export function PostTimeline({
  events,
  targets,
}: {
  events: PostEventView[];
  targets: PostTargetView[];
}) {
  const names = new Map(targets.map((t) => [t.id, t.profileName]));
  return (
    <Card>
      <CardHeader title="History" />
      <CardBody>
        {events.length === 0 ? (
          <p className="text-sm text-gray-600">Nothing has happened to this post yet.</p>
        ) : (
          <ol className="space-y-2 text-sm">
            {events.map((e) => (
              <li key={e.id} className="flex flex-wrap gap-x-2 break-words">
                <span className="text-gray-600">
                  <DateTime value={e.createdAt} />
                </span>
                <span className="font-medium text-gray-900">
                  {kindWords[e.kind] ?? e.kind}
                  {e.targetId && names.has(e.targetId) ? ` · ${names.get(e.targetId)}` : ""}
                </span>
                {e.toStatus && e.fromStatus !== e.toStatus ? (
                  <span className="text-gray-700">
                    {e.fromStatus ? `${targetStatusWords[e.fromStatus].label} → ` : ""}
                    {targetStatusWords[e.toStatus].label}
                  </span>
                ) : null}
                <span className="text-gray-600">({sourceWords[e.source]})</span>
              </li>
            ))}
          </ol>
        )}
      </CardBody>
    </Card>
  );
}
