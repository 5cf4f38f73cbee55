import { Badge } from "@/components/ui/badge";
import type { LocalPostStatus, TargetStatus } from "@/lib/validation/post-view";
import { postStatusWords, targetStatusWords } from "./status";

export function PostStatusBadge({ status }: { status: LocalPostStatus }) {
  const words = postStatusWords[status];
  return <Badge tone={words.tone}>{words.label}</Badge>;
}

export function TargetStatusBadge({ status }: { status: TargetStatus }) {
  const words = targetStatusWords[status];
  return <Badge tone={words.tone}>{words.label}</Badge>;
}
