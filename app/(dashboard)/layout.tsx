import type { ReactNode } from "react";
import { SessionRenewal } from "@/components/auth/session-renewal";
import { AppShell } from "@/components/shell/app-shell";
import { DashboardQueryProvider } from "@/components/shell/query-provider";
import { requireWorkspaceShell } from "@/lib/auth/session";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const { ctx, workspaces } = await requireWorkspaceShell();
  return (
    <SessionRenewal>
      {/* One QueryClient for the dashboard (shell and pages); every key names its workspace. */}
      <DashboardQueryProvider>
        <AppShell
          user={{ name: ctx.user.name, email: ctx.user.email }}
          workspaces={workspaces}
          currentWorkspaceId={ctx.workspaceId}
          role={ctx.role}
        >
          {/* Keyed by workspace: a switch mounts every page afresh, so no state crosses workspaces. */}
          <div key={ctx.workspaceId}>{children}</div>
        </AppShell>
      </DashboardQueryProvider>
    </SessionRenewal>
  );
}
