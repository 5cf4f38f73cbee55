import { describe, expect, it } from "vitest";
import { readViewerZoneCookie, viewerZoneCookieText } from "./viewer-zone";

describe("viewer zone cookie", () => {
  it("round-trips a zone and refuses anything else", () => {
    const text = viewerZoneCookieText("America/Argentina/Buenos_Aires");
    const value = text.split(";")[0].split("=")[1];
    expect(readViewerZoneCookie(value)).toBe("America/Argentina/Buenos_Aires");
    expect(readViewerZoneCookie("Mars%2FOlympus")).toBeNull();
    expect(readViewerZoneCookie("<script>")).toBeNull();
    expect(readViewerZoneCookie(undefined)).toBeNull();
    expect(text).toContain("SameSite=Lax");
  });
});
