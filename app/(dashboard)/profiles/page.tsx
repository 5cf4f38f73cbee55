import { KeyRound, Users } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { ProfileCard } from "@/components/profiles/profile-card";
import { settingsLinks } from "@/components/settings/links";
import { Alert } from "@/components/ui/alert";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireWorkspace } from "@/lib/auth/session";
import { readProfileDirectory } from "@/lib/integrations/profile-directory";
import { countOf } from "@/lib/format/plural";

export const metadata: Metadata = { title: "Profiles" };

export default async function ProfilesPage() {
  const ctx = await requireWorkspace();
  const directory = await readProfileDirectory(ctx);
  const header = (
    <PageHeader
      title="Profiles"
      description="Your Postproxy profile groups (one per brand) and the accounts connected to them."
    />
  );

  if (!directory.hasKey) {
    return (
      <>
        {header}
        <EmptyState
          icon={KeyRound}
          title="Connect your Postproxy account first"
          action={
            ctx.role === "owner" ? (
              <Link href={settingsLinks.apiKey} className={buttonVariants()}>
                Add the API key
              </Link>
            ) : undefined
          }
        >
          Profiles come from Postproxy.{" "}
          {ctx.role === "owner"
            ? "Save your workspace's Postproxy API key in Settings"
            : "Ask a workspace owner to save the Postproxy API key"}{" "}
          and your brands and their TikTok accounts will be listed here.
        </EmptyState>
      </>
    );
  }

  const { groups, profiles, error } = directory;
  return (
    <>
      {header}
      {error ? (
        <Alert tone="error" className="mb-6">
          Could not load profiles from Postproxy. {error}{" "}
          <Link href="/profiles" className="font-medium underline">
            Try again
          </Link>
        </Alert>
      ) : null}
      {!error && groups.length === 0 ? (
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
          Create a profile group for each brand in Postproxy and connect its TikTok account; it will
          appear here.
        </EmptyState>
      ) : null}
      <div className="space-y-6">
        {groups.map((group) => {
          const members = profiles.filter((p) => p.profile_group_id === group.id);
          return (
            <Card key={group.id}>
              <CardHeader title={group.name} description={countOf(members.length, "account")} />
              <CardBody>
                {members.length ? (
                  <ul className="grid gap-3 sm:grid-cols-2">
                    {members.map((p) => (
                      <ProfileCard key={p.id} profile={p} />
                    ))}
                  </ul>
                ) : (
                  <p className="text-sm text-gray-600">
                    No accounts connected to this group yet. Connect a TikTok account to it in
                    Postproxy and it appears here.
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
