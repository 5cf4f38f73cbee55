import type { Metadata } from "next";
import { ConnectReturn } from "@/components/profiles/connect-return";
import { PageHeader } from "@/components/ui/page-header";
import { requireWorkspace } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Connecting TikTok" };

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * Where Postproxy's consent page sends the browser back. The render changes nothing: the client
 * hands the parameters to an action that checks them (state, then Postproxy) and moves on.
 */
export default async function ConnectReturnPage({
  searchParams,
}: {
  searchParams: Promise<Params>;
}) {
  const ctx = await requireWorkspace();
  const params = await searchParams;
  return (
    <>
      <PageHeader title="Connecting TikTok" description="Checking the connection with Postproxy…" />
      <ConnectReturn
        workspaceId={one(params.workspace) ?? ctx.workspaceId}
        state={one(params.state) ?? ""}
        profileId={one(params.profile_id)}
        error={one(params.error)}
      />
    </>
  );
}
