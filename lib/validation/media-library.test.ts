import { describe, expect, it } from "vitest";
import {
  mediaLibrarySearch,
  parseComposeMediaParam,
  parseMediaLibraryQuery,
} from "./media-library";

const a = "0b7c2f6e-8a51-4a3e-9f0e-1d2c3b4a5f60";
const b = "1c8d3a7f-9b62-4b4f-8a1f-2e3d4c5b6a71";

describe("the media library query", () => {
  it("reads the URL, keeps only known values and writes back only what differs from the defaults", () => {
    const query = parseMediaLibraryQuery(
      new URLSearchParams(
        `q=%20launch%20&kind=video&verdict=x&use=unused&by=${a.toUpperCase()}&sort=size`,
      ),
    );
    expect(query).toEqual({
      q: "launch",
      kind: "video",
      verdict: "all",
      use: "unused",
      by: a,
      since: "any",
      sort: "size",
    });
    expect(mediaLibrarySearch(query).toString()).toBe(
      `q=launch&kind=video&use=unused&by=${a}&sort=size`,
    );
    expect(mediaLibrarySearch(parseMediaLibraryQuery({})).toString()).toBe("");
  });

  it("cuts a search to 200 characters", () => {
    expect(parseMediaLibraryQuery({ q: "x".repeat(500) }).q).toHaveLength(200);
  });
});

describe("/compose?media=", () => {
  it("keeps the order given, drops repeats and anything that is not an id", () => {
    expect(parseComposeMediaParam(`${b},${a},${b},../etc`)).toEqual([b, a]);
    expect(parseComposeMediaParam([a, b])).toEqual([a, b]);
    expect(parseComposeMediaParam(undefined)).toEqual([]);
  });
});
