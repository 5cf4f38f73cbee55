import { describe, expect, it } from "vitest";
import { carouselStartIndex, stepCarousel } from "./phone-preview-helpers";

describe("phone preview carousel", () => {
  it("starts at the cover", () => {
    expect(carouselStartIndex(3, 5)).toBe(3);
  });

  it("starts at the first photo without a cover, and stays within the photos", () => {
    expect(carouselStartIndex(null, 5)).toBe(0);
    expect(carouselStartIndex(9, 5)).toBe(4);
    expect(carouselStartIndex(-2, 5)).toBe(0);
    expect(carouselStartIndex(2, 0)).toBe(0);
  });

  it("steps one photo at a time and stops at both ends", () => {
    expect(stepCarousel(0, -1, 3)).toBe(0);
    expect(stepCarousel(0, 1, 3)).toBe(1);
    expect(stepCarousel(2, 1, 3)).toBe(2);
  });
});
