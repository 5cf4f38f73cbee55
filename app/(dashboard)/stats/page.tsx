import { BarChart3 } from "lucide-react";
import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";

export const metadata: Metadata = { title: "Stats" };

export default function StatsPage() {
  return (
    <>
      <PageHeader
        title="Stats"
        description="How your TikTok profiles and posts perform over time."
      />
      <EmptyState
        icon={BarChart3}
        title="No stats collected yet"
        action={
          <Link href="/profiles" className={buttonVariants({ variant: "secondary" })}>
            Review your profiles
          </Link>
        }
      >
        Follower, following, like and video counts for each profile, and impressions, likes,
        comments and shares for each post, will be charted here once Postdeck starts storing
        snapshots from Postproxy.
      </EmptyState>
    </>
  );
}
