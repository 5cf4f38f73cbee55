import { StatusBadge } from "@/components/ui/status-badge";
import { postStatusLooks, targetStatusLooks } from "@/lib/format/status";
import type { LocalPostStatus, TargetStatus } from "@/lib/validation/post-view";

export function PostStatusBadge({ status }: { status: LocalPostStatus }) {
  return <StatusBadge look={postStatusLooks[status]} />;
}

export function TargetStatusBadge({ status }: { status: TargetStatus }) {
  return <StatusBadge look={targetStatusLooks[status]} />;
}
