// Setup and arrange/act/assert steps repeat across tests on purpose: each test spells out its own
// data and expectation so a failure reads on its own; shared rows come from the test factories.
import { describe, expect, it } from "vitest";
import { isUuid } from "./uuid";

describe("isUuid", () => {
  it("takes database uuids in either case and refuses anything else", () => {
    expect(isUuid("0b9a3f8e-6a1d-4c2b-9e3f-1a2b3c4d5e6f")).toBe(true);
    expect(isUuid("0B9A3F8E-6A1D-4C2B-9E3F-1A2B3C4D5E6F")).toBe(true);
    expect(isUuid("0b9a3f8e-6a1d-4c2b-9e3f-1a2b3c4d5e6")).toBe(false);
    expect(isUuid("0b9a3f8e-6a1d-4c2b-9e3f-1a2b3c4d5e6fa")).toBe(false);
    expect(isUuid("'; drop table posts; --")).toBe(false);
    expect(isUuid("")).toBe(false);
  });
});
