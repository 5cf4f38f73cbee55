import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AutosaveController, type DraftSaveResult } from "./autosave-controller";

type Values = { caption: string };

function setup(responses: (DraftSaveResult | Error)[]) {
  const values: Values = { caption: "" };
  const calls: (Values & { postId?: string })[] = [];
  const statuses: string[] = [];
  const saved: { postId: string; isFirst: boolean }[] = [];
  const save = vi.fn(async (v: Values & { postId?: string }) => {
    calls.push(v);
    const next = responses.shift() ?? { ok: true as const, data: { postId: "p1", savedAt: "t" } };
    if (next instanceof Error) throw next;
    return next;
  });
  const controller = new AutosaveController<Values>({
    save,
    read: () => ({ ...values }),
    onStatus: (s) => statuses.push(s),
    onSaved: (s) => saved.push(s),
    delayMs: 1000,
    retryDelaysMs: [2000, 5000],
  });
  return { values, calls, statuses, saved, controller };
}

const ok = (postId: string): DraftSaveResult => ({ ok: true, data: { postId, savedAt: "t" } });

describe("AutosaveController", () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it("saves once after a pause in typing, then updates the same post", async () => {
    const s = setup([ok("p1"), ok("p1")]);
    s.values.caption = "H";
    s.controller.change();
    s.values.caption = "Hi";
    s.controller.change();
    await vi.advanceTimersByTimeAsync(999);
    expect(s.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(s.calls).toEqual([{ caption: "Hi", postId: undefined }]);
    expect(s.saved).toEqual([expect.objectContaining({ postId: "p1", isFirst: true })]);
    s.values.caption = "Hi!";
    s.controller.change();
    await vi.advanceTimersByTimeAsync(1000);
    expect(s.calls[1]).toEqual({ caption: "Hi!", postId: "p1" });
    expect(s.saved[1].isFirst).toBe(false);
    expect(s.statuses.at(-1)).toBe("saved");
  });

  it("retries a network failure with backoff and keeps the latest text", async () => {
    const s = setup([
      new Error("offline"),
      { ok: false, code: "internal", message: "x" },
      ok("p1"),
    ]);
    s.values.caption = "draft";
    s.controller.change();
    await vi.advanceTimersByTimeAsync(1000);
    expect(s.statuses.at(-1)).toBe("retrying");
    s.values.caption = "draft 2";
    await vi.advanceTimersByTimeAsync(2000);
    expect(s.statuses.at(-1)).toBe("retrying");
    await vi.advanceTimersByTimeAsync(5000);
    expect(s.calls.map((c) => c.caption)).toEqual(["draft", "draft 2", "draft 2"]);
    expect(s.statuses.at(-1)).toBe("saved");
  });

  it("stops on a conflict and says why", async () => {
    const s = setup([{ ok: false, code: "conflict", message: "This post was sent meanwhile." }]);
    s.controller.change();
    await vi.advanceTimersByTimeAsync(1000);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(s.calls).toHaveLength(1);
    expect(s.statuses.at(-1)).toBe("failed");
  });

  it("flush saves at once, one request at a time, and gives the post's id", async () => {
    const s = setup([ok("p9")]);
    s.controller.change();
    const [a, b] = await Promise.all([s.controller.flush(), s.controller.flush()]);
    expect(a).toBe("p9");
    expect(b).toBe("p9");
    expect(s.calls).toHaveLength(1);
  });

  it("saves nothing while paused and catches up on resume", async () => {
    const s = setup([ok("p1")]);
    s.controller.pause();
    s.controller.change();
    await vi.advanceTimersByTimeAsync(5000);
    expect(s.calls).toHaveLength(0);
    s.controller.resume();
    await vi.advanceTimersByTimeAsync(1000);
    expect(s.calls).toHaveLength(1);
  });

  it("says whether anything changed and lets a leaving composer wait for the save on the wire", async () => {
    let land = (_: DraftSaveResult) => {};
    const save = vi.fn(() => new Promise<DraftSaveResult>((resolve) => (land = resolve)));
    const saved: string[] = [];
    const values = { caption: "" };
    const controller = new AutosaveController<Values>({
      save,
      read: () => ({ ...values }),
      onStatus: () => {},
      onSaved: (s) => saved.push(s.postId),
    });
    expect(controller.hasChanges).toBe(false);
    values.caption = "Hi";
    controller.change();
    expect(controller.hasChanges).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).toHaveBeenCalledTimes(1);
    // Left while the save is on the wire: edits made meanwhile are not sent by this controller.
    controller.pause();
    values.caption = "Hi there";
    controller.change();
    let isSettled = false;
    void controller.settled().then(() => (isSettled = true));
    await vi.advanceTimersByTimeAsync(5000);
    expect(isSettled).toBe(false);
    land(ok("p1"));
    await vi.advanceTimersByTimeAsync(0);
    expect(isSettled).toBe(true);
    expect(saved).toEqual(["p1"]);
    expect(controller.isDirty).toBe(true);
    await vi.advanceTimersByTimeAsync(5000);
    expect(save).toHaveBeenCalledTimes(1);
  });
});
