// Card sections (header, body, form keyed by workspace) repeat like account/page.tsx's: each card
// has its own title, wording and form, and the page reads best as that list.
import type { Metadata } from "next";
import { ApiKeyForm } from "@/components/settings/api-key-form";
import { auditLabels } from "@/components/settings/audit-options";
import { AlertWebhookForm } from "@/components/settings/alert-webhook-form";
import { GeneralSettingsForm } from "@/components/settings/general-settings-form";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { requireWorkspace } from "@/lib/auth/session";
import { getAlertWebhookView } from "@/lib/data/alert-settings";
import { getWorkspaceSettings } from "@/lib/data/workspaces";
import { postproxyHost } from "@/lib/integrations/postproxy";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const ctx = await requireWorkspace();
  const settings = await getWorkspaceSettings(ctx);

  if (ctx.role !== "owner") {
    return (
      <Card>
        <CardHeader
          title="Workspace"
          description="Only owners can change these settings or manage the Postproxy API key."
        />
        <CardBody>
          <dl className="grid gap-4 text-sm sm:grid-cols-3">
            <div>
              <dt className="text-gray-600">Name</dt>
              <dd className="font-medium text-gray-900">{settings.name}</dd>
            </div>
            <div>
              <dt className="text-gray-600">Default timezone</dt>
              <dd className="font-medium text-gray-900">{settings.timezone}</dd>
            </div>
            <div>
              <dt className="text-gray-600">TikTok app audit status</dt>
              <dd className="font-medium text-gray-900">
                {auditLabels[settings.tiktokAuditStatus]}
              </dd>
            </div>
          </dl>
          <Alert className="mt-5">
            You are a {ctx.role} in this workspace.{" "}
            {settings.apiKeyLast4
              ? "A Postproxy API key is connected."
              : "No Postproxy API key is connected yet; ask an owner to add one."}
          </Alert>
        </CardBody>
      </Card>
    );
  }

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader
          title="Workspace"
          description="How this workspace is named and which timezone it schedules in."
        />
        <CardBody>
          <GeneralSettingsForm key={settings.id} workspace={settings} />
        </CardBody>
      </Card>
      <Card>
        <CardHeader
          title="Postproxy API key"
          description="Postdeck publishes to TikTok through your Postproxy account. The key never leaves the server."
        />
        <CardBody>
          <ApiKeyForm
            key={settings.id}
            workspaceId={settings.id}
            last4={settings.apiKeyLast4}
            baseUrlHost={postproxyHost()}
          />
        </CardBody>
      </Card>
      <Card>
        <CardHeader
          title="Alerts to Slack"
          description="Failed posts and profiles that need reconnecting are posted to this channel too, once per event."
        />
        <CardBody>
          <AlertWebhookForm
            key={settings.id}
            workspaceId={settings.id}
            host={(await getAlertWebhookView(ctx)).host}
          />
        </CardBody>
      </Card>
    </div>
  );
}
