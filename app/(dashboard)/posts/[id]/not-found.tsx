import { FileQuestion } from "lucide-react";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function PostNotFound() {
  return (
    <EmptyState
      icon={FileQuestion}
      title="Post not found"
      action={
        <Link href="/posts" className={buttonVariants({ variant: "secondary" })}>
          See all posts
        </Link>
      }
    >
      This post does not exist in this workspace. It may have been deleted, or it belongs to another
      workspace; switch workspaces to see its posts.
    </EmptyState>
  );
}
