// Card sections (header, body, form) repeat like settings/page.tsx's: each card has its own title,
// wording and form, and the page reads best as that list.
import type { Metadata } from "next";
import { AlertEmailForm } from "@/components/settings/alert-email-form";
import { EmailForm } from "@/components/account/email-form";
import { NameForm } from "@/components/account/name-form";
import { PasswordForm } from "@/components/account/password-form";
import { SignOutEverywhere } from "@/components/account/sign-out-everywhere";
import { WorkspaceMemberships } from "@/components/account/workspace-memberships";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUserCtx } from "@/lib/auth/session";
import { getAccount, listAccountWorkspaces } from "@/lib/data/account";
import { getAlertEmailPreference } from "@/lib/data/alerts";
import { resolveWorkspaceCtx } from "@/lib/data/workspaces";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const ctx = await requireUserCtx();
  const [account, workspaces, current] = await Promise.all([
    getAccount(ctx),
    listAccountWorkspaces(ctx),
    resolveWorkspaceCtx(ctx.db, ctx.user),
  ]);
  const emailAlertsOn = current ? await getAlertEmailPreference(current) : false;
  return (
    <>
      <PageHeader
        title="Account"
        description="Your name, sign-in details and the workspaces you belong to."
      />
      <div className="space-y-6">
        <Card>
          <CardHeader title="Profile" description="Shown to your teammates in every workspace." />
          <CardBody>
            <NameForm name={account.name} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Email" description="The address you sign in with." />
          <CardBody>
            <EmailForm email={account.email} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader
            title="Password"
            description={
              account.hasPassword
                ? "Changing it signs out your other sessions; this one stays signed in."
                : "You sign in with GitHub or Google. To add a password, use “Forgot your password?” on the sign-in page."
            }
          />
          {account.hasPassword ? (
            <CardBody>
              <PasswordForm />
            </CardBody>
          ) : null}
        </Card>
        {current ? (
          <Card>
            <CardHeader
              title="Alert emails"
              description="Your own choice for the current workspace; teammates keep theirs."
            />
            <CardBody>
              <AlertEmailForm
                key={current.workspaceId}
                workspaceId={current.workspaceId}
                isOn={emailAlertsOn}
                canReceive={current.role !== "viewer"}
              />
            </CardBody>
          </Card>
        ) : null}
        <Card>
          <CardHeader title="Sessions" />
          <CardBody>
            <SignOutEverywhere />
          </CardBody>
        </Card>
        <Card>
          <CardHeader
            title="Workspaces"
            description="Leave a workspace you no longer work in. Every workspace keeps at least one owner."
          />
          <CardBody className="py-2">
            <WorkspaceMemberships workspaces={workspaces} />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
