import type { Metadata } from "next";
import { buildChecklist } from "@/components/home/checklist";
import { GettingStarted } from "@/components/home/getting-started";
import { HomePostLists } from "@/components/home/post-lists";
import { PageHeader } from "@/components/ui/page-header";
import { requireWorkspace } from "@/lib/auth/session";
import { getHomePosts } from "@/lib/data/home";
import { listPendingInvites } from "@/lib/data/invites";
import { listMembers } from "@/lib/data/members";
import { getWorkspaceSettings } from "@/lib/data/workspaces";
import { countTikTokProfiles } from "@/lib/integrations/profile-directory";

export const metadata: Metadata = { title: "Home" };

/** Home must not hang on Postproxy: after this long the profile step says it could not check. */
const profileCheckMs = 4_000;

export default async function HomePage() {
  const ctx = await requireWorkspace();
  const [settings, members, invites, profiles, homePosts] = await Promise.all([
    getWorkspaceSettings(ctx),
    listMembers(ctx),
    ctx.role === "owner" ? listPendingInvites(ctx) : Promise.resolve([]),
    countTikTokProfiles(ctx, profileCheckMs),
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
      <div className="space-y-6">
        <HomePostLists comingUp={homePosts.comingUp} needsAttention={homePosts.needsAttention} />
        <GettingStarted items={items} />
      </div>
    </>
  );
}
