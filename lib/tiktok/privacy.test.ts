// Setup and arrange/act/assert steps repeat across tests on purpose: each test spells out its own
// data and expectation so a failure reads on its own; shared rows come from the test factories.
import { describe, expect, it } from "vitest";
import { tiktokPrivacyStatuses } from "@/lib/validation/enums";
import { labelPrivacy, listPrivacyOptions, refusePrivacy, warnAboutPrivacy } from "./privacy";

const unaudited =
  "Your workspace's TikTok app is unaudited: TikTok only accepts “Only me” posts from it.";
const brandedNotPrivate = "Branded content visibility cannot be set to private.";

describe("privacy values and labels", () => {
  it("are TikTok's four values with plain-language labels, in order", () => {
    expect(tiktokPrivacyStatuses).toEqual([
      "PUBLIC_TO_EVERYONE",
      "MUTUAL_FOLLOW_FRIENDS",
      "FOLLOWER_OF_CREATOR",
      "SELF_ONLY",
    ]);
    expect(tiktokPrivacyStatuses.map(labelPrivacy)).toEqual([
      "Everyone",
      "Mutual followers",
      "Followers only",
      "Only me",
    ]);
  });
});

describe("listPrivacyOptions", () => {
  it("offers all four on an audited workspace", () => {
    const options = listPrivacyOptions({ auditStatus: "audited", isBrandedContent: false });
    expect(options.map((o) => [o.value, o.isDisabled, o.reason])).toEqual([
      ["PUBLIC_TO_EVERYONE", false, null],
      ["MUTUAL_FOLLOW_FRIENDS", false, null],
      ["FOLLOWER_OF_CREATOR", false, null],
      ["SELF_ONLY", false, null],
    ]);
  });

  it("unaudited: only Only me, the others disabled with the reason", () => {
    const options = listPrivacyOptions({ auditStatus: "unaudited", isBrandedContent: false });
    expect(options.map((o) => [o.label, o.isDisabled, o.reason])).toEqual([
      ["Everyone", true, unaudited],
      ["Mutual followers", true, unaudited],
      ["Followers only", true, unaudited],
      ["Only me", false, null],
    ]);
  });

  it("unknown: everything selectable (a warning instead)", () => {
    const options = listPrivacyOptions({ auditStatus: "unknown", isBrandedContent: false });
    expect(options.every((o) => !o.isDisabled)).toBe(true);
  });

  it("Branded content disables Only me with TikTok's reason", () => {
    const options = listPrivacyOptions({ auditStatus: "audited", isBrandedContent: true });
    expect(options.find((o) => o.value === "SELF_ONLY")).toEqual({
      value: "SELF_ONLY",
      label: "Only me",
      isDisabled: true,
      reason: brandedNotPrivate,
    });
    expect(options.filter((o) => o.isDisabled)).toHaveLength(1);
  });
});

describe("refusePrivacy", () => {
  it("refuses public values on an unaudited app and Only me with branded content", () => {
    const ctx = { auditStatus: "unaudited", isBrandedContent: false } as const;
    expect(refusePrivacy("PUBLIC_TO_EVERYONE", ctx)).toBe(unaudited);
    expect(refusePrivacy("SELF_ONLY", ctx)).toBeNull();
    expect(refusePrivacy("SELF_ONLY", { auditStatus: "audited", isBrandedContent: true })).toBe(
      brandedNotPrivate,
    );
  });
});

describe("warnAboutPrivacy", () => {
  it("warns only for unknown audit status with Everyone, linking to the setting", () => {
    expect(warnAboutPrivacy("unknown", "PUBLIC_TO_EVERYONE")).toEqual({
      text: "TikTok rejects public posts from unaudited or sandbox TikTok apps. If your workspace's app is not audited yet, choose “Only me”.",
      linkText: "Check the audit status in Settings",
      href: "/settings",
    });
    expect(warnAboutPrivacy("unknown", "FOLLOWER_OF_CREATOR")).toBeNull();
    expect(warnAboutPrivacy("unknown", null)).toBeNull();
    expect(warnAboutPrivacy("audited", "PUBLIC_TO_EVERYONE")).toBeNull();
  });
});
