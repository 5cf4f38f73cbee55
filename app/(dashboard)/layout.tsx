import type { ReactNode } from "react";
import { SessionRenewal } from "@/components/auth/session-renewal";
import { AppShell } from "@/components/shell/app-shell";
import { DashboardQueryProvider } from "@/components/shell/query-provider";
import { requireWorkspaceShell } from "@/lib/auth/session";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const { ctx, workspaces } = await requireWorkspaceShell();
  return (
    <SessionRenewal>
      {/* The shell's own client (the alerts bell; its keys name the workspace); pages keep theirs. */}
      <DashboardQueryProvider>
        <AppShell
          user={{ name: ctx.user.name, email: ctx.user.email }}
          workspaces={workspaces}
          currentWorkspaceId={ctx.workspaceId}
          role={ctx.role}
        >
          {/* Keyed by workspace: a switch mounts every page afresh, so no state crosses workspaces. */}
          <div key={ctx.workspaceId}>
            <DashboardQueryProvider>{children}</DashboardQueryProvider>
          </div>
        </AppShell>
      </DashboardQueryProvider>
    </SessionRenewal>
  );
}
