import type { Metadata } from "next";
import { buildChecklist } from "@/components/home/checklist";
import { GettingStarted } from "@/components/home/getting-started";
import { HomePostLists } from "@/components/home/post-lists";
import { MirrorRefresher } from "@/components/profiles/mirror-refresher";
import { PageHeader } from "@/components/ui/page-header";
import { requireWorkspace } from "@/lib/auth/session";
import type { WorkspaceCtx } from "@/lib/data/context";
import { getHomePosts } from "@/lib/data/home";
import { listPendingInvites } from "@/lib/data/invites";
import { listMembers } from "@/lib/data/members";
import { getWorkspaceSettings } from "@/lib/data/workspaces";
import { getMirrorState, listProfiles } from "@/lib/data/profiles";

export const metadata: Metadata = { title: "Home" };

/** From the profile mirror (never Postproxy during a render); null while it is not loaded yet. */
async function countProfiles(ctx: WorkspaceCtx) {
  const mirror = await getMirrorState(ctx);
  if (!mirror.isLoaded) return { mirror, active: null, expired: 0 };
  const tiktok = await listProfiles(ctx, { platform: "tiktok" });
  return {
    mirror,
    active: tiktok.filter((p) => p.status === "active").length,
    expired: tiktok.filter((p) => p.status !== "active").length,
  };
}

export default async function HomePage() {
  const ctx = await requireWorkspace();
  const [settings, members, invites, profiles, homePosts] = await Promise.all([
    getWorkspaceSettings(ctx),
    listMembers(ctx),
    ctx.role === "owner" ? listPendingInvites(ctx) : Promise.resolve([]),
    countProfiles(ctx),
    getHomePosts(ctx),
  ]);
  const items = buildChecklist({
    role: ctx.role,
    hasApiKey: !!settings.apiKeyLast4,
    activeTikTokProfiles: profiles.active,
    expiredProfiles: profiles.expired,
    auditStatus: settings.tiktokAuditStatus,
    memberCount: members.length,
    pendingInvites: invites.length,
    hasSentPost: homePosts.hasSentPost,
  });
  const firstName = ctx.user.name.split(/\s+/)[0];
  return (
    <>
      <PageHeader
        title={`Welcome, ${firstName}`}
        description={`${settings.name} · you are ${ctx.role === "owner" ? "an owner" : `a ${ctx.role}`} here.`}
      />
      <MirrorRefresher workspaceId={ctx.workspaceId} isStale={profiles.mirror.isStale} />
      <div className="space-y-6">
        <HomePostLists comingUp={homePosts.comingUp} needsAttention={homePosts.needsAttention} />
        <GettingStarted items={items} />
      </div>
    </>
  );
}
