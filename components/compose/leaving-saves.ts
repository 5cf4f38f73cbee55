/**
 * Saves of composers that were left while their request was on the wire, per workspace: the next
 * composer's "Continue" waits for it, so it reopens the post the server made instead of starting
 * a second one. Module state: it lives as long as the page (a reload has no request in flight).
 */
const pending = new Map<string, Promise<void>>();

export function trackLeavingSave(workspaceId: string, save: Promise<void>) {
  const entry: Promise<void> = save
    .catch(() => {})
    .finally(() => {
      if (pending.get(workspaceId) === entry) pending.delete(workspaceId);
    });
  pending.set(workspaceId, entry);
}

export function leavingSave(workspaceId: string): Promise<void> {
  return pending.get(workspaceId) ?? Promise.resolve();
}
