import type { Metadata } from "next";
import { InviteForm } from "@/components/settings/invite-form";
import { MemberRow } from "@/components/settings/member-row";
import { PendingInvites } from "@/components/settings/pending-invites";
import { ResetLinkButton } from "@/components/settings/reset-link-button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { requireWorkspace } from "@/lib/auth/session";
import { listPendingInvites } from "@/lib/data/invites";
import { listMembers } from "@/lib/data/members";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage() {
  const ctx = await requireWorkspace();
  const isOwner = ctx.role === "owner";
  const [members, invites] = await Promise.all([
    listMembers(ctx),
    isOwner ? listPendingInvites(ctx) : Promise.resolve([]),
  ]);
  const ownerCount = members.filter((m) => m.role === "owner").length;

  return (
    <div className="space-y-6">
      {isOwner ? (
        <Card>
          <CardHeader
            title="Invite a teammate"
            description="Create a link for one person. Editors compose and schedule; viewers can only look."
          />
          <CardBody className="space-y-5">
            <InviteForm key={ctx.workspaceId} workspaceId={ctx.workspaceId} />
            <div>
              <h3 className="mb-2 text-sm font-medium text-gray-900">Pending invites</h3>
              <PendingInvites
                workspaceId={ctx.workspaceId}
                invites={invites.map((i) => ({
                  id: i.id,
                  role: i.role,
                  expiresAt: i.expiresAt.toISOString(),
                }))}
              />
            </div>
          </CardBody>
        </Card>
      ) : null}
      <Card>
        <CardHeader
          title="Members"
          description={
            isOwner
              ? "Change roles or remove people. A workspace always keeps at least one owner."
              : "People with access to this workspace."
          }
        />
        <CardBody className="py-2">
          <ul className="divide-y divide-gray-100">
            {members.map((m) => (
              <MemberRow
                key={m.membershipId}
                workspaceId={ctx.workspaceId}
                canManage={isOwner}
                extraActions={
                  !isOwner || m.userId === ctx.user.id ? undefined : m.isInOtherWorkspaces ? (
                    <p className="max-w-56 text-xs text-gray-500">
                      Also in another workspace: resets their own password with “Forgot your
                      password?”
                    </p>
                  ) : (
                    <ResetLinkButton
                      workspaceId={ctx.workspaceId}
                      membershipId={m.membershipId}
                      memberName={m.name}
                    />
                  )
                }
                member={{
                  membershipId: m.membershipId,
                  name: m.name,
                  email: m.email,
                  role: m.role,
                  isSelf: m.userId === ctx.user.id,
                  isLastOwner: m.role === "owner" && ownerCount === 1,
                }}
              />
            ))}
          </ul>
        </CardBody>
      </Card>
    </div>
  );
}
