import { Users } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { ConnectButton } from "@/components/profiles/connect-button";
import { MirrorRefresher } from "@/components/profiles/mirror-refresher";
import { ProfileCard } from "@/components/profiles/profile-card";
import { Alert } from "@/components/ui/alert";
import { buttonVariants } from "@/components/ui/button";
import { NoKeyState } from "@/components/settings/no-key-state";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireWorkspace } from "@/lib/auth/session";
import { countScheduledAtRisk, getMirrorState, listProfileGroups } from "@/lib/data/profiles";
import { hasRole } from "@/lib/validation/enums";
import { connectOutcomeText } from "@/lib/validation/profile-connect";

export const metadata: Metadata = { title: "Profiles" };

type Props = { searchParams: Promise<{ connect?: string | string[] }> };

/** Reads the mirror only; a stale mirror is refreshed in the background by MirrorRefresher. */
export default async function ProfilesPage({ searchParams }: Props) {
  const ctx = await requireWorkspace();
  const outcome = connectOutcomeText((await searchParams).connect);
  const mirror = await getMirrorState(ctx);
  const header = (
    <PageHeader
      title="Profiles"
      description="Your Postproxy profile groups (one per brand) and the accounts connected to them."
    />
  );

  if (!mirror.hasKey) {
    return (
      <>
        {header}
        <NoKeyState title="Connect your Postproxy account first" isOwner={ctx.role === "owner"}>
          Profiles come from Postproxy.{" "}
          {ctx.role === "owner"
            ? "Save your workspace's Postproxy API key in Settings"
            : "Ask a workspace owner to save the Postproxy API key"}{" "}
          and your brands and their TikTok accounts will be listed here.
        </NoKeyState>
      </>
    );
  }

  const [groups, atRisk] = mirror.isLoaded
    ? await Promise.all([listProfileGroups(ctx), countScheduledAtRisk(ctx)])
    : [[], new Map<string, number>()];
  const canConnect = hasRole(ctx.role, "editor");
  return (
    <>
      {header}
      <MirrorRefresher
        workspaceId={ctx.workspaceId}
        isStale={mirror.isStale}
        showStatus={!mirror.isLoaded}
      />
      {outcome ? (
        <Alert tone={outcome.tone} className="mb-6">
          {outcome.text}
        </Alert>
      ) : null}
      {mirror.lastError ? (
        <Alert tone="error" className="mb-6">
          Could not load profiles from Postproxy. {mirror.lastError}{" "}
          {mirror.isLoaded ? "The list below is the last one read. " : ""}
          <Link href="/profiles" className="font-medium underline">
            Try again
          </Link>
        </Alert>
      ) : null}
      {mirror.isLoaded && mirror.refreshedAt ? (
        <p className="mb-4 text-xs text-gray-600">
          Read from Postproxy <DateTime value={mirror.refreshedAt} />.
        </p>
      ) : null}
      {mirror.isLoaded && groups.length === 0 ? (
        <EmptyState
          icon={Users}
          title="No profile groups yet"
          action={
            <a
              href="https://postproxy.dev/reference/profile-groups/"
              target="_blank"
              rel="noreferrer"
              className={buttonVariants({ variant: "secondary" })}
            >
              How to add profile groups in Postproxy
              <span className="sr-only">(opens in a new tab)</span>
            </a>
          }
        >
          Create a profile group for each brand in Postproxy; it will appear here and you can
          connect its TikTok account from this page.
        </EmptyState>
      ) : null}
      <div className="space-y-6">
        {groups.map((group) => {
          const hasTikTok = group.profiles.some((p) => p.platform === "tiktok");
          const connect = canConnect ? (
            <ConnectButton
              workspaceId={ctx.workspaceId}
              groupId={group.id}
              groupName={group.name}
              replaces={hasTikTok}
            />
          ) : null;
          return (
            <Card key={group.id}>
              <CardHeader
                title={group.name}
                description={`${group.profiles.length} ${group.profiles.length === 1 ? "account" : "accounts"}`}
                actions={connect}
              />
              <CardBody>
                {group.profiles.length ? (
                  <ul className="grid gap-3 sm:grid-cols-2">
                    {group.profiles.map((p) => (
                      <ProfileCard
                        key={p.id}
                        profile={p}
                        atRisk={atRisk.get(p.id) ?? 0}
                        reconnect={
                          canConnect ? (
                            <ConnectButton
                              workspaceId={ctx.workspaceId}
                              groupId={group.id}
                              groupName={group.name}
                              replaces={hasTikTok}
                              reconnectName={p.name}
                            />
                          ) : null
                        }
                      />
                    ))}
                  </ul>
                ) : (
                  <p className="text-sm text-gray-600">
                    No accounts connected to this group yet.{" "}
                    {canConnect
                      ? "Use Connect TikTok to add one."
                      : "An editor or owner can connect a TikTok account."}
                  </p>
                )}
              </CardBody>
            </Card>
          );
        })}
      </div>
    </>
  );
}
