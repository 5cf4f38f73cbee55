import { describe, expect, it } from "vitest";
import type { MediaCardData } from "@/components/media/types";
import {
  addMedia,
  describeFormat,
  effectiveCover,
  moveMedia,
  removeMedia,
  reorderAnnouncement,
  selectMedia,
} from "./media-field-helpers";

function card(id: string, kind: "video" | "image" = "image"): MediaCardData {
  return {
    id,
    name: `${id}.${kind === "video" ? "mp4" : "jpg"}`,
    status: "ready",
    kind,
    size: 1000,
    mime: kind === "video" ? "video/mp4" : "image/jpeg",
    durationSec: kind === "video" ? 12 : null,
    width: 1080,
    height: 1920,
    frameRate: kind === "video" ? 30 : null,
    rejectReason: null,
    hasThumbnail: false,
    convertedFromName: null,
    createdAt: "2026-11-25T10:00:00.000Z",
    uploadedByName: "Ada",
  };
}

const photos = (...ids: string[]) => ids.map((id) => card(id));
const ids = (items: MediaCardData[]) => items.map((m) => m.id);

describe("media field ordering", () => {
  it("moves the cover with its photo when it is dragged or moved by keyboard", () => {
    const next = moveMedia({ items: photos("a", "b", "c", "d", "e"), coverIndex: 2 }, 2, 4);
    expect(ids(next.items)).toEqual(["a", "b", "d", "e", "c"]);
    expect(next.coverIndex).toBe(4);
  });

  it("keeps the cover on its photo when another photo moves across it", () => {
    const next = moveMedia({ items: photos("a", "b", "c", "d"), coverIndex: 2 }, 0, 3);
    expect(ids(next.items)).toEqual(["b", "c", "d", "a"]);
    expect(next.items[next.coverIndex ?? -1].id).toBe("c");
  });

  it("moving left from the first place changes nothing", () => {
    const next = moveMedia({ items: photos("a", "b"), coverIndex: 1 }, 0, -1);
    expect(ids(next.items)).toEqual(["a", "b"]);
    expect(next.coverIndex).toBe(1);
  });

  it("removing the cover falls back to the first photo; removing before it shifts it", () => {
    expect(removeMedia({ items: photos("a", "b", "c"), coverIndex: 1 }, 1).coverIndex).toBe(0);
    const next = removeMedia({ items: photos("a", "b", "c"), coverIndex: 2 }, 0);
    expect(next.items[next.coverIndex ?? -1].id).toBe("c");
  });

  it("a video post has no cover", () => {
    const next = addMedia({ items: [], coverIndex: null }, [card("v", "video")]);
    expect(next.coverIndex).toBeNull();
    expect(removeMedia(next, 0)).toEqual({ items: [], coverIndex: null });
  });

  it("adding photos starts the cover on the first and skips files already in the post", () => {
    const first = addMedia({ items: [], coverIndex: null }, photos("a", "b"));
    expect(first.coverIndex).toBe(0);
    const again = addMedia({ ...first, coverIndex: 1 }, photos("b", "c", "c"));
    expect(ids(again.items)).toEqual(["a", "b", "c"]);
    expect(again.coverIndex).toBe(1);
  });

  it("an out-of-range cover shows as the first photo", () => {
    expect(effectiveCover(photos("a", "b"), 5)).toBe(0);
    expect(effectiveCover(photos("a", "b"), null)).toBe(0);
    expect(effectiveCover([card("v", "video")], 0)).toBeNull();
  });
});

describe("media field texts", () => {
  it("names the format the media make, with the photo count", () => {
    expect(describeFormat(selectMedia([card("v", "video")]))).toBe("Video post");
    expect(describeFormat(selectMedia(photos("a", "b", "c", "d", "e")))).toBe(
      "Photo post · 5 of 35",
    );
  });

  it("says what is wrong when a video and photos are mixed", () => {
    const selection = selectMedia([card("v", "video"), card("a")]);
    expect(describeFormat(selection)).toBeNull();
    expect(selection.problem).toBe("A post holds either one video or photos, not both.");
  });

  it("announces keyboard reordering in positions counted from 1", () => {
    expect(reorderAnnouncement("start", "a.jpg", 0, 5)).toMatch(
      /^Picked up a\.jpg, position 1 of 5\./,
    );
    expect(reorderAnnouncement("end", "a.jpg", 3, 5)).toBe("a.jpg dropped at position 4 of 5.");
    expect(reorderAnnouncement("cancel", "a.jpg", 0, 5)).toContain("stays at position 1 of 5");
  });
});
