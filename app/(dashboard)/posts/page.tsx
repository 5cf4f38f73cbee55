import { ListVideo } from "lucide-react";
import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";

export const metadata: Metadata = { title: "Posts" };

export default function PostsPage() {
  return (
    <>
      <PageHeader
        title="Posts"
        description="Every post this workspace has drafted, scheduled or published."
      />
      <EmptyState
        icon={ListVideo}
        title="No posts yet"
        action={
          <Link href="/home" className={buttonVariants({ variant: "secondary" })}>
            Check your setup
          </Link>
        }
      >
        Drafts, scheduled, publishing, published and failed posts will be listed here with filters
        by status, profile and date, each with its per-profile status and any error TikTok returned.
      </EmptyState>
    </>
  );
}
