"use client";

import { useMutation } from "@tanstack/react-query";
import { ExternalLink, RotateCw } from "lucide-react";
import Link from "next/link";
import { toast } from "@/lib/toast";
import { Alert } from "@/components/ui/alert";
import { Button, buttonVariants } from "@/components/ui/button";
import { DateTime } from "@/components/ui/date-time";
import { retryTargetAction } from "@/lib/actions/posts";
import type { PostTargetView } from "@/lib/validation/post-view";
import { ProfileAvatar } from "@/components/profiles/profile-avatar";
import { targetStatusLooks } from "@/lib/format/status";
import { TargetStatusBadge } from "./status-badge";

export function TargetRow({
  target,
  postId,
  workspaceId,
  canEdit,
  isScheduled,
  onRetried,
}: {
  target: PostTargetView;
  postId: string;
  workspaceId: string;
  canEdit: boolean;
  /** Scheduled for a time (not "publish now"): the target's time is worth saying. */
  isScheduled: boolean;
  onRetried: () => void;
}) {
  const retry = useMutation({
    mutationFn: () => retryTargetAction({ workspaceId, postId, targetId: target.id }),
    onSuccess: (result) => {
      if (!result.ok) {
        toast.error(result.message);
        return;
      }
      toast.success(`Sent again to ${target.profileName}.`);
      onRetried();
    },
    onError: () => toast.error("Couldn't reach Postdeck. Check your connection and try again."),
  });
  const words = targetStatusLooks[target.status];
  return (
    <li aria-label={target.profileName} className="py-4 first:pt-0 last:pb-0">
      <div className="flex items-start gap-3">
        <ProfileAvatar name={target.profileName} avatarUrl={target.profileAvatarUrl} size="lg" />
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <p className="truncate text-sm font-medium text-gray-900">{target.profileName}</p>
            <TargetStatusBadge status={target.status} />
          </div>
          <p className="mt-1 text-sm text-gray-600">{words.description}</p>
          <p className="mt-1 text-xs text-gray-600">
            {target.publishedAt ? (
              <>
                Published <DateTime value={target.publishedAt} />
              </>
            ) : isScheduled && target.scheduledAt ? (
              <>
                Scheduled for <DateTime value={target.scheduledAt} />
              </>
            ) : null}
            {target.publishedAt || (isScheduled && target.scheduledAt) ? " · " : null}
            Updated <DateTime value={target.updatedAt} format="time" />
          </p>
        </div>
      </div>
      {target.profileNeedsReconnect ? (
        <Alert tone="warning" className="mt-3">
          <p>
            {target.profileName}&apos;s connection to Postproxy has expired or was disconnected, so
            this post will fail for it unless the account is reconnected before its time.
          </p>
          <p className="mt-1">
            <Link href="/profiles" className="font-medium underline">
              Reconnect {target.profileName}
            </Link>
          </p>
        </Alert>
      ) : null}
      {target.error ? (
        <Alert tone={target.status === "failed" ? "error" : "warning"} className="mt-3">
          <p>{target.error}</p>
          {target.status === "unknown" && target.profileName.startsWith("@") ? (
            <p className="mt-1">
              <a
                href={`https://www.tiktok.com/${encodeURIComponent(target.profileName)}`}
                target="_blank"
                rel="noreferrer"
                className="font-medium underline"
              >
                Check {target.profileName} on TikTok
              </a>
            </p>
          ) : null}
          {target.status === "failed" ? (
            <p className="mt-1 font-medium">
              {target.canRetry
                ? "A retry can help."
                : target.needsEdit
                  ? "A retry alone will not help: the post must change first."
                  : "A retry will not help."}
            </p>
          ) : null}
        </Alert>
      ) : null}
      <div className="mt-3 flex flex-wrap gap-2 empty:hidden">
        {canEdit && target.canRetry ? (
          <Button
            size="sm"
            onClick={() => retry.mutate()}
            disabled={retry.isPending}
            aria-label={`Retry ${target.profileName}`}
          >
            <RotateCw className="size-4" aria-hidden />
            {retry.isPending ? "Retrying…" : "Retry"}
          </Button>
        ) : null}
        {canEdit && target.needsEdit ? (
          <Link
            href={`/compose?post=${postId}`}
            className={buttonVariants({ size: "sm", variant: "secondary" })}
          >
            Fix and send again
          </Link>
        ) : null}
        {target.platformUrl ? (
          <a
            href={target.platformUrl}
            target="_blank"
            rel="noopener noreferrer"
            className={buttonVariants({ size: "sm", variant: "secondary" })}
          >
            View on TikTok
            <ExternalLink className="size-4" aria-hidden />
            <span className="sr-only">(opens in a new tab)</span>
          </a>
        ) : null}
      </div>
    </li>
  );
}
