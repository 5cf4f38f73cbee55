import type { Metadata } from "next";
import { buildChecklist } from "@/components/home/checklist";
import { GettingStarted } from "@/components/home/getting-started";
import { HomePostLists } from "@/components/home/post-lists";
import { MirrorRefresher } from "@/components/profiles/mirror-refresher";
import { PageHeader } from "@/components/ui/page-header";
import { requireWorkspace } from "@/lib/auth/session";
import { getHomePosts, getHomeSetup } from "@/lib/data/home";

export const metadata: Metadata = { title: "Home" };

export default async function HomePage() {
  const ctx = await requireWorkspace();
  // Two round trips: the setup facts (from the profile mirror, never Postproxy) and the post lists.
  const [setup, homePosts] = await Promise.all([getHomeSetup(ctx), getHomePosts(ctx)]);
  const items = buildChecklist({
    role: ctx.role,
    hasApiKey: setup.hasApiKey,
    activeTikTokProfiles: setup.activeTikTokProfiles,
    expiredProfiles: setup.expiredTikTokProfiles,
    auditStatus: setup.auditStatus,
    memberCount: setup.memberCount,
    pendingInvites: setup.pendingInvites,
    hasSentPost: setup.hasSentPost,
  });
  const firstName = ctx.user.name.split(/\s+/)[0];
  return (
    <>
      <PageHeader
        title={`Welcome, ${firstName}`}
        description={`${setup.workspaceName} · you are ${ctx.role === "owner" ? "an owner" : `a ${ctx.role}`} here.`}
      />
      <MirrorRefresher workspaceId={ctx.workspaceId} isStale={setup.mirror.isStale} />
      <div className="space-y-6">
        <HomePostLists comingUp={homePosts.comingUp} needsAttention={homePosts.needsAttention} />
        <GettingStarted items={items} />
      </div>
    </>
  );
}
