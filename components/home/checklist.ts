import { settingsLinks } from "@/components/settings/links";
import type { AuditStatus, WorkspaceRole } from "@/lib/validation/enums";
import { countOf, plural } from "@/lib/format/plural";

export type ChecklistFacts = {
  role: WorkspaceRole;
  hasApiKey: boolean;
  /** null while the profile mirror has not been read with the current key yet. */
  activeTikTokProfiles: number | null;
  expiredProfiles: number;
  auditStatus: AuditStatus;
  memberCount: number;
  pendingInvites: number;
  /** Any post sent to Postproxy (scheduled, published, or even failed there). */
  hasSentPost: boolean;
};

export type ChecklistItem = {
  id: "postproxy" | "profiles" | "audit" | "team" | "first-post";
  title: string;
  description: string;
  isDone: boolean;
  /** The link that fills it, only for people allowed to act on it. */
  action?: { href: string; label: string };
  /** Said instead of the action to people who cannot take it. */
  note?: string;
};

const askOwner = "Only a workspace owner can do this; ask one.";

/** The getting-started list, from real data. */
export function buildChecklist(f: ChecklistFacts): ChecklistItem[] {
  const isOwner = f.role === "owner";
  const canCompose = f.role !== "viewer";
  const profilesDone = (f.activeTikTokProfiles ?? 0) > 0;
  return [
    {
      id: "postproxy",
      title: "Connect Postproxy",
      description: f.hasApiKey
        ? "Your Postproxy API key is saved and checked. Postdeck publishes through it."
        : "Postdeck publishes to TikTok through your Postproxy account. Paste an API key from Postproxy; it is checked before it is saved and stored encrypted.",
      isDone: f.hasApiKey,
      action:
        !f.hasApiKey && isOwner
          ? { href: settingsLinks.apiKey, label: "Add the API key" }
          : undefined,
      note: !f.hasApiKey && !isOwner ? askOwner : undefined,
    },
    {
      id: "profiles",
      title: "Review your TikTok profiles",
      description: !f.hasApiKey
        ? "Once Postproxy is connected, your brands (profile groups) and their TikTok accounts appear here."
        : f.activeTikTokProfiles === null
          ? "Your profiles are still being read from Postproxy. Open Profiles to see them."
          : profilesDone
            ? `${f.activeTikTokProfiles} active TikTok ${plural(f.activeTikTokProfiles, { one: "account is", other: "accounts are" })} ready to post${f.expiredProfiles ? `; ${f.expiredProfiles} ${plural(f.expiredProfiles, { one: "needs", other: "need" })} reconnecting` : ""}.`
            : "No active TikTok account yet. Connect one to a profile group from Profiles.",
      isDone: profilesDone,
      action: f.hasApiKey ? { href: "/profiles", label: "Open Profiles" } : undefined,
    },
    {
      id: "audit",
      title: "Set your TikTok app's audit status",
      description:
        f.auditStatus === "unknown"
          ? "TikTok lets an app it has not audited post only private (“Only me”) videos; public posts from such an app fail. Tell Postdeck whether your app is audited so the composer offers only what will work."
          : `Set to ${f.auditStatus}. ${f.auditStatus === "unaudited" ? "Posts will be offered as “Only me” only." : "Every privacy option will be offered."}`,
      isDone: f.auditStatus !== "unknown",
      action:
        f.auditStatus === "unknown" && isOwner
          ? { href: settingsLinks.auditStatus, label: "Set audit status" }
          : undefined,
      note: f.auditStatus === "unknown" && !isOwner ? askOwner : undefined,
    },
    {
      id: "team",
      title: "Invite your team",
      description:
        f.memberCount > 1
          ? `${countOf(f.memberCount, "person", "people")} work in this workspace.`
          : f.pendingInvites > 0
            ? `${f.pendingInvites} invite ${plural(f.pendingInvites, { one: "link is", other: "links are" })} waiting to be used.`
            : "Editors compose and schedule; viewers can only look. Each invite is a one-time link.",
      isDone: f.memberCount > 1 || f.pendingInvites > 0,
      action:
        f.memberCount <= 1 && isOwner
          ? { href: settingsLinks.invite, label: "Invite someone" }
          : undefined,
    },
    {
      id: "first-post",
      title: "Schedule your first post",
      description: f.hasSentPost
        ? "Your workspace has sent a post to TikTok through Postproxy. Follow every post under Posts."
        : "Upload a video or photos, write the caption, choose who can see it and pick a time. Drafts save themselves while you type.",
      isDone: f.hasSentPost,
      action:
        !f.hasSentPost && canCompose ? { href: "/compose", label: "Compose a post" } : undefined,
      note:
        !f.hasSentPost && !canCompose
          ? "Only editors and owners can compose posts; ask an owner to make you an editor."
          : undefined,
    },
  ];
}
