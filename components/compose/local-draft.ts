import type { MediaCardData } from "@/components/media/types";
import type { ComposePostFormValues } from "@/lib/validation/post";

/** The browser's copy of a post being composed, so a closed tab or an offline save loses nothing. */
export type LocalDraft = {
  postId?: string;
  values: ComposePostFormValues;
  media: MediaCardData[];
  updatedAt: string;
  /** False while the copy holds edits the server has not stored yet. */
  isSynced: boolean;
};

type Storage = Pick<globalThis.Storage, "getItem" | "setItem" | "removeItem">;

/** One copy per workspace and post; "new" for a post the server has not seen yet. */
export function localDraftKey(workspaceId: string, postId?: string): string {
  return `postdeck:compose:${workspaceId}:${postId ?? "new"}`;
}

/** The copy, checked against the draft schema (loaded on demand: zod stays out of first load). */
export async function readLocalDraft(
  storage: Storage | null,
  key: string,
  workspaceId: string,
): Promise<LocalDraft | null> {
  try {
    const raw = storage?.getItem(key);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<LocalDraft>;
    const { draftSchema } = await import("@/lib/validation/post");
    const values = draftSchema.safeParse(parsed.values);
    if (!values.success || values.data.workspaceId !== workspaceId) return null;
    if (typeof parsed.updatedAt !== "string" || !Array.isArray(parsed.media)) return null;
    return {
      postId: typeof parsed.postId === "string" ? parsed.postId : undefined,
      values: parsed.values as ComposePostFormValues,
      media: parsed.media,
      updatedAt: parsed.updatedAt,
      isSynced: parsed.isSynced === true,
    };
  } catch {
    return null;
  }
}

/** Storage may be full or blocked (private mode): the server copy still stands. */
export function writeLocalDraft(storage: Storage | null, key: string, draft: LocalDraft) {
  try {
    storage?.setItem(key, JSON.stringify(draft));
  } catch {
    // Nothing else to do: autosave to the server goes on.
  }
}

export function removeLocalDraft(storage: Storage | null, key: string) {
  try {
    storage?.removeItem(key);
  } catch {
    // Blocked storage holds nothing to remove.
  }
}

/**
 * The browser's copy wins over what the server rendered only when it holds edits the server never
 * stored and is newer than the server's save.
 */
export function shouldRestoreLocal(local: LocalDraft | null, serverSavedAt?: string): boolean {
  if (!local || local.isSynced) return false;
  if (!serverSavedAt) return true;
  return new Date(local.updatedAt).getTime() > new Date(serverSavedAt).getTime();
}

/**
 * The post left in this browser: set aside by the composer being left (with the server's id once
 * it has one) or, after a closed tab, by the next composer from the new post's copy. "Compose"
 * offers to continue it.
 */
const leftKey = (workspaceId: string) => `postdeck:compose:${workspaceId}:unsaved`;

/** Puts a copy (if any) in the left post's place and frees the new post's key for the next composer. */
function putAside(storage: Storage | null, workspaceId: string, raw: string | null) {
  try {
    if (raw) storage?.setItem(leftKey(workspaceId), raw);
    storage?.removeItem(localDraftKey(workspaceId));
  } catch {
    // Blocked storage: the server's draft (if saved) is still in Drafts.
  }
}

/** Moves an unsaved new post's copy aside (a closed tab left it): "Compose" starts empty and offers it. */
export function stashNewPost(storage: Storage | null, workspaceId: string) {
  try {
    const raw = storage?.getItem(localDraftKey(workspaceId));
    if (!raw) return;
    const isSynced = (JSON.parse(raw) as Partial<LocalDraft>).isSynced === true;
    putAside(storage, workspaceId, isSynced ? null : raw);
  } catch {
    // Blocked storage holds nothing to move.
  }
}

/**
 * The composer being left sets its post aside, the new post's copy with it (that key belongs to
 * the next composer). `composerId` names the composer, so a save of it that lands later can add
 * the post's id to this record, and to no other.
 */
export function setAsideLeftPost(
  storage: Storage | null,
  workspaceId: string,
  composerId: string,
  draft: LocalDraft,
) {
  putAside(storage, workspaceId, JSON.stringify({ ...draft, composerId }));
}

/** A save of a left composer landed: its record gains the post's id. False when the record is gone or another's. */
export function markLeftPostSaved(
  storage: Storage | null,
  workspaceId: string,
  composerId: string,
  saved: { postId: string; isSynced: boolean },
): boolean {
  try {
    const raw = storage?.getItem(leftKey(workspaceId));
    if (!raw) return false;
    const parsed = JSON.parse(raw) as Partial<LocalDraft> & { composerId?: string };
    if (parsed.composerId !== composerId) return false;
    storage?.setItem(leftKey(workspaceId), JSON.stringify({ ...parsed, ...saved }));
    return true;
  } catch {
    return false;
  }
}

export function removeStashedPost(storage: Storage | null, workspaceId: string) {
  removeLocalDraft(storage, leftKey(workspaceId));
}

type ListableStorage = Storage & Pick<globalThis.Storage, "length" | "key">;

/**
 * What "Compose" offers to continue, newest first: the post left in this browser (even when its
 * save has landed since, so the choice does not depend on the save's timing) or a draft left with
 * changes the server never stored.
 */
export async function findUnsavedPost(
  storage: ListableStorage | null,
  workspaceId: string,
): Promise<{ key: string; draft: LocalDraft } | null> {
  const prefix = `postdeck:compose:${workspaceId}:`;
  const keys: string[] = [];
  try {
    for (let i = 0; i < (storage?.length ?? 0); i += 1) {
      const key = storage?.key(i);
      if (key?.startsWith(prefix) && key !== localDraftKey(workspaceId)) keys.push(key);
    }
  } catch {
    return null;
  }
  let newest: { key: string; draft: LocalDraft } | null = null;
  for (const key of keys) {
    const draft = await readLocalDraft(storage, key, workspaceId);
    if (!draft) continue;
    if (draft.isSynced && !(key === leftKey(workspaceId) && draft.postId)) continue;
    if (!newest || draft.updatedAt > newest.draft.updatedAt) newest = { key, draft };
  }
  return newest;
}

export function browserStorage(): ListableStorage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}
