import type { FieldErrors } from "react-hook-form";
import { describe, expect, it } from "vitest";
import { errorAt, errorsByIndex, staleErrorRoots, toServerFieldErrors } from "./form-errors";

describe("form errors", () => {
  const errors = {
    caption: { type: "custom", message: "Too long" },
    schedule: { at: { type: "custom", message: "Choose a time in the future." } },
    media: Object.assign([undefined, { type: "server", message: "Probe failed" }], {
      message: "A post holds either one video or photos, not both.",
    }),
  } as unknown as FieldErrors;

  it("reads messages at dotted paths, arrays included", () => {
    expect(errorAt(errors, "caption")).toBe("Too long");
    expect(errorAt(errors, "schedule.at")).toBe("Choose a time in the future.");
    expect(errorAt(errors, "media")).toBe("A post holds either one video or photos, not both.");
    expect(errorAt(errors, "media.1")).toBe("Probe failed");
    expect(errorAt(errors, "privacy")).toBeUndefined();
    expect(errorsByIndex(errors, "media", 3)).toEqual({ 1: "Probe failed" });
  });

  it("turns the server's field errors into setError calls, leaving _form to the alert", () => {
    expect(
      toServerFieldErrors({
        "profileIds.1": ["This profile has expired; reconnect it in Profiles."],
        "schedule.at": ["Choose a time in the future."],
        caption: ["One.", "Two."],
        _form: ["Postproxy said no."],
        privacy: [],
      }),
    ).toEqual([
      { path: "profileIds.1", message: "This profile has expired; reconnect it in Profiles." },
      { path: "schedule.at", message: "Choose a time in the future." },
      { path: "caption", message: "One. Two." },
    ]);
    expect(toServerFieldErrors(undefined)).toEqual([]);
  });
});

describe("staleErrorRoots", () => {
  it("names the fields whose client-side errors may have gone stale, not the server's", () => {
    const errors = {
      discloseContent: { type: "custom", message: "You need to indicate…" },
      schedule: { at: { type: "custom", message: "Pick a time." } },
      media: { 2: { type: "server", message: "TikTok needs at least 720×1280" } },
      root: { type: "server", message: "x" },
    };
    expect(staleErrorRoots(errors)).toEqual(["discloseContent", "schedule"]);
    expect(staleErrorRoots({})).toEqual([]);
  });
});
