"use client";

// Prop lists and hook openings match media-grid.tsx's in shape only.

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { CalendarClock, Pencil, XCircle } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useSyncExternalStore } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { toast } from "@/lib/toast";
import { cancelPostAction } from "@/lib/actions/post-manage";
import { formatDateTime, viewerTimeZone } from "@/lib/format/date";
import { queryKeys } from "@/lib/hooks/query-keys";
import type { AuditStatus } from "@/lib/validation/enums";
import type { ManagedTargetView, PostManageView } from "@/lib/validation/post-manage";
import type { PostView } from "@/lib/validation/post-view";
import { EditPostForm } from "./edit-post-form";
import { PostTimeline } from "./post-timeline";
import { usePostView } from "./use-post-view";

const noSubscribe = () => () => {};

async function fetchManageView(postId: string, workspaceId: string): Promise<PostManageView> {
  const res = await fetch(
    `/api/posts/${postId}/manage?workspaceId=${encodeURIComponent(workspaceId)}`,
    { cache: "no-store", headers: { accept: "application/json" } },
  );
  if (!res.ok) throw new Error(`GET /api/posts/<id>/manage answered ${res.status}`);
  return (await res.json()) as PostManageView;
}

/** A time in the post's own zone (named), with the viewer's beside it when it differs. */
function PostTime({ at, timeZone }: { at: string; timeZone: string }) {
  const viewer = useSyncExternalStore(noSubscribe, viewerTimeZone, () => null);
  const own = formatDateTime(at, { timeZone, withZone: true });
  const mine =
    viewer && viewer !== timeZone ? formatDateTime(at, { timeZone: viewer, withZone: true }) : null;
  return (
    <span>
      <time dateTime={at}>{own}</time>
      {own.endsWith(timeZone) ? null : <span className="text-gray-600"> ({timeZone})</span>}
      {mine ? <span className="block text-xs text-gray-600">{mine} where you are</span> : null}
    </span>
  );
}

function isSplit(post: PostView, targets: ManagedTargetView[]) {
  const live = targets.filter((t) => t.caption !== null && t.status !== "cancelled");
  return live.some(
    (t) =>
      t.caption !== post.caption ||
      (post.scheduledAt !== null &&
        t.scheduledAt !== null &&
        Date.parse(t.scheduledAt) !== Date.parse(post.scheduledAt)),
  );
}

/**
 * Edit, reschedule and cancel of a scheduled post, what each profile has on Postproxy after a
 * partial change, and the post's timeline; refreshed with the post's status.
 */
export function PostManagePanel({
  initialPost,
  initialManage,
  canEdit,
  auditStatus,
}: {
  initialPost: PostView;
  initialManage: PostManageView;
  canEdit: boolean;
  auditStatus: AuditStatus;
}) {
  const router = useRouter();
  const confirm = useConfirm();
  const queryClient = useQueryClient();
  const { data: post } = usePostView(initialPost);
  const manageQuery = useQuery({
    // The post's last change is part of the key: a status the poll brings refreshes the timeline.
    queryKey: [...queryKeys.posts.manage(initialPost.id), post.updatedAt],
    queryFn: () => fetchManageView(initialPost.id, initialPost.workspaceId),
    initialData: post.updatedAt === initialPost.updatedAt ? initialManage : undefined,
    placeholderData: (previous) => previous,
    refetchInterval: post.isFinal ? false : 10_000,
  });
  const manage = manageQuery.data ?? initialManage;
  const [isEditing, setEditing] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const editable = manage.targets.filter((t) => t.isEditable);
  const locked = manage.targets.filter((t) => t.lockReason);
  const split = isSplit(post, manage.targets);

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: queryKeys.posts.all });
    router.refresh();
  };

  async function cancel(targets: ManagedTargetView[]) {
    const names = targets.map((t) => t.profileName).join(", ");
    const isAll = targets.length === editable.length;
    const ok = await confirm({
      title: isAll ? "Cancel this post?" : `Cancel for ${names}?`,
      description: `Postproxy deletes the scheduled post for ${names}, so it will not go out on TikTok. This cannot be undone; to post it later, create it again.`,
      confirmLabel: isAll ? "Cancel post" : `Cancel for ${names}`,
      cancelLabel: "Keep it scheduled",
      tone: "danger",
    });
    if (!ok) return;
    setBusy(isAll ? "all" : targets[0].id);
    setMessage(null);
    try {
      const result = await cancelPostAction({
        workspaceId: post.workspaceId,
        postId: post.id,
        targetIds: isAll ? undefined : targets.map((t) => t.id),
      });
      if (!result.ok) {
        setMessage(result.message);
        return;
      }
      const refused = result.data.outcomes.filter((o) => !o.accepted);
      if (refused.length > 0) setMessage(refused.map((o) => o.message).join(" "));
      else toast.success(`Cancelled for ${names}.`);
      await refresh();
    } catch {
      setMessage("Couldn't reach Postdeck. Check your connection and try again.");
    } finally {
      setBusy(null);
    }
  }

  const scheduledTargets = manage.targets.filter((t) => t.status === "scheduled" && t.scheduledAt);
  return (
    <>
      {scheduledTargets.length > 0 || split ? (
        <Card>
          <CardHeader
            title="Schedule per profile"
            description={
              split
                ? "Postproxy took the last change for some profiles only: each profile below shows what it has."
                : "When each profile's post goes out on TikTok."
            }
            actions={
              canEdit && editable.length > 0 && !isEditing ? (
                <div className="flex flex-wrap gap-2">
                  <Button size="sm" onClick={() => setEditing(true)}>
                    <Pencil className="size-4" aria-hidden />
                    Edit post
                  </Button>
                  <Button
                    size="sm"
                    variant="danger"
                    disabled={busy !== null}
                    onClick={() => void cancel(editable)}
                  >
                    <XCircle className="size-4" aria-hidden />
                    {busy === "all" ? "Cancelling…" : "Cancel post"}
                  </Button>
                </div>
              ) : null
            }
          />
          <CardBody className="space-y-4">
            {message ? <Alert tone="error">{message}</Alert> : null}
            {canEdit && locked.length > 0 ? (
              <Alert tone="info">
                {locked.map((t) => t.profileName).join(", ")}: {locked[0].lockReason}
              </Alert>
            ) : null}
            <ul aria-label="Schedule per profile" className="divide-y divide-gray-100">
              {manage.targets
                .filter((t) => t.caption !== null)
                .map((t) => (
                  <li key={t.id} aria-label={t.profileName} className="py-3 first:pt-0 last:pb-0">
                    <div className="flex flex-wrap items-start justify-between gap-2">
                      <div className="min-w-0 text-sm">
                        <p className="font-medium text-gray-900">{t.profileName}</p>
                        {t.scheduledAt && t.status === "scheduled" ? (
                          <p className="mt-1 flex gap-1.5 text-gray-900">
                            <CalendarClock className="mt-0.5 size-4 shrink-0" aria-hidden />
                            <PostTime at={t.scheduledAt} timeZone={post.timeZone} />
                          </p>
                        ) : (
                          <p className="mt-1 text-gray-600">
                            {t.status === "cancelled" ? "Cancelled" : "Not waiting for a time"}
                          </p>
                        )}
                        {split && t.caption !== post.caption ? (
                          <p className="mt-1 text-gray-700 [overflow-wrap:anywhere]">
                            <span className="font-medium">Caption it has: </span>
                            {t.caption || "(none)"}
                          </p>
                        ) : split ? (
                          <p className="mt-1 text-gray-600">Has the caption shown below.</p>
                        ) : null}
                      </div>
                      {canEdit && t.isEditable && editable.length > 1 && !isEditing ? (
                        <Button
                          size="sm"
                          variant="danger"
                          disabled={busy !== null}
                          onClick={() => void cancel([t])}
                          aria-label={`Cancel for ${t.profileName}`}
                        >
                          {busy === t.id ? "Cancelling…" : "Cancel for this profile"}
                        </Button>
                      ) : null}
                    </div>
                  </li>
                ))}
            </ul>
          </CardBody>
        </Card>
      ) : null}
      {isEditing ? (
        <EditPostForm
          post={post}
          manage={manage}
          auditStatus={auditStatus}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            void refresh();
          }}
        />
      ) : null}
      <Card>
        <CardHeader
          title="Timeline"
          description="Oldest first, with who or what made each change."
        />
        <CardBody>
          <PostTimeline post={post} events={manage.events} />
        </CardBody>
      </Card>
    </>
  );
}
