import { describe, expect, it } from "vitest";
import {
  blockDisclosure,
  consentLine,
  labelDisclosure,
  readDisclosure,
  refuseBrandedContent,
  type Disclosure,
} from "./disclosure";

const off: Disclosure = { discloseContent: false, yourBrand: false, brandedContent: false };
const on = (yourBrand: boolean, brandedContent: boolean): Disclosure => ({
  discloseContent: true,
  yourBrand,
  brandedContent,
});

describe("blockDisclosure", () => {
  it("blocks the toggle on with nothing ticked, with TikTok's text", () => {
    expect(blockDisclosure(on(false, false))).toBe(
      "You need to indicate if your content promotes yourself, a third party, or both.",
    );
    expect(blockDisclosure(off)).toBeNull();
    expect(blockDisclosure(on(true, false))).toBeNull();
    expect(blockDisclosure(on(false, true))).toBeNull();
    expect(blockDisclosure(on(true, true))).toBeNull();
  });
});

describe("labelDisclosure", () => {
  it("Your brand → Promotional content; Branded content (alone or both) → Paid partnership", () => {
    expect(labelDisclosure(off)).toBeNull();
    expect(labelDisclosure(on(false, false))).toBeNull();
    expect(labelDisclosure(on(true, false))).toBe(
      "Your photo/video will be labeled as 'Promotional content'",
    );
    expect(labelDisclosure(on(false, true))).toBe(
      "Your photo/video will be labeled as 'Paid partnership'",
    );
    expect(labelDisclosure(on(true, true))).toBe(
      "Your photo/video will be labeled as 'Paid partnership'",
    );
  });
  it("ignores ticks left behind when the toggle is off", () => {
    const hidden = { discloseContent: false, yourBrand: true, brandedContent: true };
    expect(labelDisclosure(hidden)).toBeNull();
    expect(readDisclosure(hidden)).toEqual({ isYourBrand: false, isBranded: false });
  });
});

describe("refuseBrandedContent", () => {
  it("is disabled while Only me is chosen, or when only Only me is possible", () => {
    const reason = "Branded content visibility cannot be set to private.";
    expect(refuseBrandedContent("SELF_ONLY", "audited")).toBe(reason);
    expect(refuseBrandedContent(null, "unaudited")).toBe(reason);
    expect(refuseBrandedContent("PUBLIC_TO_EVERYONE", "audited")).toBeNull();
    expect(refuseBrandedContent(undefined, "unknown")).toBeNull();
  });
});

describe("consentLine", () => {
  const asText = (d: Disclosure) =>
    consentLine(d)
      .map((p) => (typeof p === "string" ? p : `[${p.text}](${p.href})`))
      .join("");
  it("always names the Music Usage Confirmation, linked", () => {
    expect(asText(off)).toBe(
      "By posting, you agree to TikTok's [Music Usage Confirmation](https://www.tiktok.com/legal/page/global/music-usage-confirmation/en)",
    );
    expect(asText(on(true, false))).toBe(asText(off));
  });
  it("adds the Branded Content Policy, linked, while Branded content is ticked", () => {
    expect(asText(on(false, true))).toBe(
      "By posting, you agree to TikTok's [Branded Content Policy](https://www.tiktok.com/legal/page/global/bc-policy/en) and [Music Usage Confirmation](https://www.tiktok.com/legal/page/global/music-usage-confirmation/en)",
    );
  });
});
