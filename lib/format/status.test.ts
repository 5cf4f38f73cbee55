// Setup and arrange/act/assert steps repeat across tests on purpose: each test spells out its own
// data and expectation so a failure reads on its own; shared rows come from the test factories.
import { describe, expect, it } from "vitest";
import { localPostStatuses, targetStatuses } from "@/lib/validation/post-view";
import {
  postStatusLookOf,
  postStatusLooks,
  profileStatusLooks,
  statusPalette,
  targetStatusLooks,
} from "./status";

describe("status looks", () => {
  it("give every post status its own colour, none of them the error colour but Failed", () => {
    const colours = localPostStatuses.map((s) => postStatusLooks[s].colour);
    expect(new Set(colours).size).toBe(colours.length);
    for (const s of localPostStatuses)
      if (s !== "failed") expect(postStatusLooks[s].colour).not.toBe(postStatusLooks.failed.colour);
  });

  it("give every target status its own colour, and Scheduled is never red", () => {
    const colours = targetStatuses.map((s) => targetStatusLooks[s].colour);
    expect(new Set(colours).size).toBe(colours.length);
    expect(targetStatusLooks.scheduled.colour).toBe(postStatusLooks.scheduled.colour);
    expect(targetStatusLooks.scheduled.colour).not.toBe("vermillion");
  });

  it("always carry a label, and use only colours of the colour-blind-safe palette", () => {
    const all = [
      ...Object.values(postStatusLooks),
      ...Object.values(targetStatusLooks),
      ...Object.values(profileStatusLooks),
    ];
    for (const look of all) {
      expect(look.label.trim()).not.toBe("");
      expect(statusPalette).toContain(look.colour);
    }
  });
});

describe("postStatusLookOf", () => {
  it("says a post is being checked when its only unsettled profiles are unknown, else its own look", () => {
    const unknown = { status: "unknown" as const };
    const scheduled = { status: "scheduled" as const };
    expect(postStatusLookOf("submitting", [unknown, scheduled]).label).toBe(
      "Checking with Postproxy…",
    );
    expect(postStatusLookOf("submitting", [unknown, { status: "sending" }]).label).toBe("Sending");
    expect(postStatusLookOf("submitting", [{ status: "sending" }]).label).toBe("Sending");
    expect(postStatusLookOf("scheduled", [scheduled])).toBe(postStatusLooks.scheduled);
  });
});
