import { describe, expect, it } from "vitest";
import { createComposeDefaults } from "@/lib/validation/post";
import {
  findUnsavedPost,
  localDraftKey,
  markLeftPostSaved,
  removeStashedPost,
  setAsideLeftPost,
  stashNewPost,
  readLocalDraft,
  removeLocalDraft,
  shouldRestoreLocal,
  writeLocalDraft,
  type LocalDraft,
} from "./local-draft";

const workspaceId = "3f0c8a52-7c1e-4a53-9d38-1c2b4a5e6f70";
const otherWorkspace = "9b1d2c3e-4f5a-4b6c-8d7e-0f1a2b3c4d5e";

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    key: (i: number) => [...map.keys()][i] ?? null,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

function draft(overrides: Partial<LocalDraft> = {}): LocalDraft {
  return {
    values: { ...createComposeDefaults(workspaceId, "Europe/Paris"), caption: "Hello #fyp" },
    media: [],
    updatedAt: "2026-11-25T10:00:00.000Z",
    isSynced: false,
    ...overrides,
  };
}

describe("local drafts", () => {
  it("round-trips per workspace and post", async () => {
    const storage = memoryStorage();
    const key = localDraftKey(workspaceId);
    writeLocalDraft(storage, key, draft());
    expect((await readLocalDraft(storage, key, workspaceId))?.values.caption).toBe("Hello #fyp");
    expect(localDraftKey(workspaceId, "p1")).not.toBe(key);
    removeLocalDraft(storage, key);
    expect(await readLocalDraft(storage, key, workspaceId)).toBeNull();
  });

  it("ignores a copy of another workspace, broken JSON and values the draft schema refuses", async () => {
    const storage = memoryStorage();
    writeLocalDraft(storage, "a", draft());
    expect(await readLocalDraft(storage, "a", otherWorkspace)).toBeNull();
    storage.setItem("b", "{not json");
    expect(await readLocalDraft(storage, "b", workspaceId)).toBeNull();
    writeLocalDraft(storage, "c", draft({ values: { ...draft().values, caption: 42 as never } }));
    expect(await readLocalDraft(storage, "c", workspaceId)).toBeNull();
  });

  it("survives storage that throws", async () => {
    const broken = {
      getItem: () => {
        throw new Error("denied");
      },
      setItem: () => {
        throw new Error("quota");
      },
      removeItem: () => {
        throw new Error("denied");
      },
    };
    expect(() => writeLocalDraft(broken, "k", draft())).not.toThrow();
    expect(await readLocalDraft(broken, "k", workspaceId)).toBeNull();
    expect(() => removeLocalDraft(broken, "k")).not.toThrow();
  });

  it("restores only unsynced copies newer than the server's save", () => {
    expect(shouldRestoreLocal(null)).toBe(false);
    expect(shouldRestoreLocal(draft())).toBe(true);
    expect(shouldRestoreLocal(draft({ isSynced: true }))).toBe(false);
    expect(shouldRestoreLocal(draft(), "2026-11-25T09:59:59.000Z")).toBe(true);
    expect(shouldRestoreLocal(draft(), "2026-11-25T10:00:01.000Z")).toBe(false);
  });

  it("a new composer sets the last unsaved new post aside and finds it, newest unsaved first", async () => {
    const storage = memoryStorage();
    expect(await findUnsavedPost(storage, workspaceId)).toBeNull();
    writeLocalDraft(storage, localDraftKey(workspaceId), draft());
    stashNewPost(storage, workspaceId);
    // The new post's key is free for the post being started; the old one waits aside.
    expect(storage.getItem(localDraftKey(workspaceId))).toBeNull();
    const stashed = await findUnsavedPost(storage, workspaceId);
    expect(stashed?.draft.values.caption).toBe("Hello #fyp");
    expect(stashed?.draft.postId).toBeUndefined();

    const newer = { postId: "p2", updatedAt: "2026-11-25T11:00:00.000Z" };
    writeLocalDraft(storage, localDraftKey(workspaceId, "p2"), draft(newer));
    writeLocalDraft(
      storage,
      localDraftKey(workspaceId, "p3"),
      draft({ postId: "p3", updatedAt: "2026-11-25T12:00:00.000Z", isSynced: true }),
    );
    expect((await findUnsavedPost(storage, workspaceId))?.draft.postId).toBe("p2");
    expect(await findUnsavedPost(storage, otherWorkspace)).toBeNull();
  });

  it("the composer being left sets its post aside; a save landing later adds the id to its own record only", async () => {
    const storage = memoryStorage();
    // The left composer's new-post copy goes with it: that key is the next composer's.
    writeLocalDraft(storage, localDraftKey(workspaceId), draft());
    setAsideLeftPost(storage, workspaceId, "c1", draft());
    expect(storage.getItem(localDraftKey(workspaceId))).toBeNull();
    stashNewPost(storage, workspaceId);
    expect((await findUnsavedPost(storage, workspaceId))?.draft.postId).toBeUndefined();

    expect(markLeftPostSaved(storage, workspaceId, "c2", { postId: "p9", isSynced: true })).toBe(
      false,
    );
    expect(markLeftPostSaved(storage, workspaceId, "c1", { postId: "p1", isSynced: true })).toBe(
      true,
    );
    // Saved by now, still offered: the choice does not depend on when the save landed.
    const left = await findUnsavedPost(storage, workspaceId);
    expect(left?.draft).toMatchObject({ postId: "p1", isSynced: true });
    expect(left?.draft.values.caption).toBe("Hello #fyp");

    removeStashedPost(storage, workspaceId);
    expect(await findUnsavedPost(storage, workspaceId)).toBeNull();
    expect(markLeftPostSaved(storage, workspaceId, "c1", { postId: "p1", isSynced: true })).toBe(
      false,
    );
  });
});
