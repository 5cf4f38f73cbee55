import { Eye, PenSquare } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireWorkspace } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Compose" };

export default async function ComposePage() {
  const ctx = await requireWorkspace();
  const header = (
    <PageHeader
      title="Compose"
      description="Create a TikTok video or photo post for one or more profiles."
    />
  );
  if (ctx.role === "viewer") {
    return (
      <>
        {header}
        <EmptyState
          icon={Eye}
          title="Viewers can't compose posts"
          action={
            <Link href="/posts" className={buttonVariants({ variant: "secondary" })}>
              See the workspace&apos;s posts
            </Link>
          }
        >
          You can look at posts, the calendar and stats. Ask a workspace owner to make you an editor
          if you need to write and schedule posts.
        </EmptyState>
      </>
    );
  }
  return (
    <>
      {header}
      <EmptyState
        icon={PenSquare}
        title="The composer is not available yet"
        action={
          <Link href="/home" className={buttonVariants({ variant: "secondary" })}>
            Finish setting up meanwhile
          </Link>
        }
      >
        This is where you will upload a video or up to 35 photos, write the caption, choose privacy
        and disclosure settings, preview the post and publish or schedule it. It arrives in an
        upcoming release of Postdeck.
      </EmptyState>
    </>
  );
}
