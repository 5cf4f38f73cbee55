import { describe, expect, it } from "vitest";
import { defaultTikTokSettings, type TikTokSettings } from "@/lib/tiktok";
import { describeSettings } from "./settings-words";

const terms = (lines: { term: string }[]) => lines.map((l) => l.term);

describe("describeSettings", () => {
  it("describes a video post's settings in words, without the photo-only ones", () => {
    const lines = describeSettings(
      { ...defaultTikTokSettings, privacy: "SELF_ONLY", allowDuet: true, madeWithAi: true },
      "video",
    );
    expect(lines).toContainEqual({ term: "Who can see this post", detail: "Only me" });
    expect(lines).toContainEqual({ term: "Allow comments", detail: "Off" });
    expect(lines).toContainEqual({ term: "Allow Duet", detail: "Allowed" });
    expect(lines).toContainEqual({ term: "AI-generated content", detail: "Labeled" });
    expect(terms(lines)).not.toContain("Cover");
    expect(terms(lines)).not.toContain("Add music automatically");
  });

  it("describes a photo post's cover (1-based) and music, without Duet, Stitch or AI", () => {
    const lines = describeSettings(
      {
        ...defaultTikTokSettings,
        privacy: "PUBLIC_TO_EVERYONE",
        coverIndex: 2,
        autoAddMusic: true,
      },
      "image",
    );
    expect(lines).toContainEqual({ term: "Cover", detail: "Photo 3" });
    expect(lines).toContainEqual({ term: "Add music automatically", detail: "Yes" });
    expect(terms(lines)).not.toContain("Allow Duet");
    expect(terms(lines)).not.toContain("AI-generated content");
  });

  it("says which label the disclosure puts on the post", () => {
    const base: TikTokSettings = { ...defaultTikTokSettings, privacy: "FOLLOWER_OF_CREATOR" };
    const detail = (s: Partial<TikTokSettings>) =>
      describeSettings({ ...base, ...s }, "video").find(
        (l) => l.term === "Disclose commercial content",
      )?.detail;
    expect(detail({})).toBe("Not disclosed");
    expect(detail({ discloseContent: true, yourBrand: true })).toMatch(/Promotional content/);
    expect(detail({ discloseContent: true, brandedContent: true })).toMatch(/Paid partnership/);
  });

  it("says when no privacy has been chosen yet (a draft)", () => {
    expect(describeSettings(defaultTikTokSettings, null)[0].detail).toBe("Not chosen yet");
  });
});
