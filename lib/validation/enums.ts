export const workspaceRoles = ["owner", "editor", "viewer"] as const;
export type WorkspaceRole = (typeof workspaceRoles)[number];

export const inviteRoles = ["editor", "viewer"] as const;
export type InviteRole = (typeof inviteRoles)[number];

export const auditStatuses = ["audited", "unaudited", "unknown"] as const;
export type AuditStatus = (typeof auditStatuses)[number];

const roleRank: Record<WorkspaceRole, number> = { viewer: 0, editor: 1, owner: 2 };

export function hasRole(actual: WorkspaceRole, required: WorkspaceRole): boolean {
  return roleRank[actual] >= roleRank[required];
}
