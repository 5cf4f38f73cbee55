import { StatusBadge } from "@/components/ui/status-badge";
import { postStatusLookOf, targetStatusLooks } from "@/lib/format/status";
import type { LocalPostStatus, TargetStatus } from "@/lib/validation/post-view";

export function PostStatusBadge({
  status,
  targets,
}: {
  status: LocalPostStatus;
  /** The post's profiles, when shown: "Checking with Postproxy…" rather than "Sending". */
  targets: readonly { status: TargetStatus | null }[];
}) {
  return <StatusBadge look={postStatusLookOf(status, targets)} />;
}

export function TargetStatusBadge({ status }: { status: TargetStatus }) {
  return <StatusBadge look={targetStatusLooks[status]} />;
}
