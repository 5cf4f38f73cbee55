// Setup and arrange/act/assert steps repeat across tests on purpose: each test spells out its own
// data and expectation so a failure reads on its own; shared rows come from the test factories.
import { describe, expect, it } from "vitest";
import type { MediaCardData } from "@/components/media/types";
import {
  addMedia,
  addMediaInOrder,
  describeFormat,
  effectiveCover,
  moveMedia,
  removeMedia,
  reorderAnnouncement,
  selectMedia,
  type MediaState,
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
    // No cover chosen: it is the first photo (null), whichever that becomes.
    expect(first.coverIndex).toBeNull();
    expect(effectiveCover(first.items, first.coverIndex)).toBe(0);
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

describe("media field: picked order, whatever order uploads finish in", () => {
  // Each file gets its number when it is picked (file picker or drop order, batch after batch).
  function arrive(state: MediaState, order: Map<string, number>, id: string) {
    return addMediaInOrder(state, photos(id), order.get(id)!, (m) => order.get(m));
  }

  it("puts photo-10 … photo-17 in the order picked though they finish 10, 12, 13, 11, 15, 14, 16, 17", () => {
    const picked = ["p10", "p11", "p12", "p13", "p14", "p15", "p16", "p17"];
    const order = new Map(picked.map((id, i) => [id, i]));
    let state: MediaState = { items: [], coverIndex: null };
    for (const id of ["p10", "p12", "p13", "p11", "p15", "p14", "p16", "p17"])
      state = arrive(state, order, id);
    expect(ids(state.items)).toEqual(picked);
    // The cover is the first photo picked, not the first upload to finish.
    expect(effectiveCover(state.items, state.coverIndex)).toBe(0);
  });

  it("appends a later batch (or a library pick) after an earlier one still uploading", () => {
    const order = new Map([
      ["a", 0],
      ["b", 1],
      ["lib", 2],
      ["c", 3],
    ]);
    let state: MediaState = { items: photos("old"), coverIndex: 0 };
    state = arrive(state, order, "c");
    state = arrive(state, order, "lib");
    state = arrive(state, order, "a");
    expect(ids(state.items)).toEqual(["old", "a", "lib", "c"]);
  });

  it("a refused file leaves the others where they were, and the cover stays on its photo", () => {
    const order = new Map([
      ["a", 0],
      ["refused", 1],
      ["c", 2],
      ["d", 3],
    ]);
    let state: MediaState = { items: [], coverIndex: null };
    state = arrive(state, order, "d");
    state = arrive(state, order, "c");
    state = { ...state, coverIndex: 1 }; // d
    state = arrive(state, order, "a");
    expect(ids(state.items)).toEqual(["a", "c", "d"]);
    expect(state.items[state.coverIndex!].id).toBe("d");
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
