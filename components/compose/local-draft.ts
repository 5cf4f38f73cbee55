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

export function browserStorage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}
