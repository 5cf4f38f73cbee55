"use client";

import type { WorkspaceRole } from "@/lib/validation/enums";
import { NavLinks } from "./nav-links";
import { UserMenu } from "./user-menu";
import { WorkspaceSwitcher } from "./workspace-switcher";

export type SidebarProps = {
  user: { name: string; email: string };
  workspaces: { id: string; name: string; role: WorkspaceRole }[];
  currentWorkspaceId: string;
  role: WorkspaceRole;
};

/** Workspace switcher, main navigation and user menu: in the sidebar and in the phone drawer. */
export function SidebarContent({ user, workspaces, currentWorkspaceId, role }: SidebarProps) {
  return (
    <>
      <div className="mt-6">
        <WorkspaceSwitcher
          key={currentWorkspaceId}
          workspaces={workspaces}
          currentId={currentWorkspaceId}
        />
      </div>
      <div className="mt-6 flex-1">
        <NavLinks role={role} />
      </div>
      <UserMenu name={user.name} email={user.email} />
    </>
  );
}
