import type { ReactNode } from "react";
import { SessionRenewal } from "@/components/auth/session-renewal";
import { Logo } from "@/components/logo";
import { NavLinks } from "@/components/shell/nav-links";
import { UserMenu } from "@/components/shell/user-menu";
import { WorkspaceSwitcher } from "@/components/shell/workspace-switcher";
import { requireWorkspace } from "@/lib/auth/session";
import { listUserWorkspaces } from "@/lib/data/workspaces";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const ctx = await requireWorkspace();
  const workspaces = await listUserWorkspaces(ctx);
  return (
    <SessionRenewal>
      <div className="flex min-h-screen">
        <aside className="sticky top-0 flex h-screen self-start w-64 shrink-0 flex-col border-r border-gray-200 bg-white px-4 py-5">
          <div className="px-2">
            <Logo />
          </div>
          <div className="mt-6">
            <WorkspaceSwitcher
              key={ctx.workspaceId}
              workspaces={workspaces}
              currentId={ctx.workspaceId}
            />
          </div>
          <div className="mt-6 flex-1">
            <NavLinks />
          </div>
          <UserMenu name={ctx.user.name} email={ctx.user.email} />
        </aside>
        <main className="min-w-0 flex-1 px-10 py-8">
          <div className="mx-auto max-w-5xl">{children}</div>
        </main>
      </div>
    </SessionRenewal>
  );
}
