import { describe, expect, it } from "vitest";
import { readCalendarFilters } from "./calendar";
import { readCalendarQuery } from "./calendar-query";

describe("calendar filters from the URL", () => {
  it("keeps the profiles given and the statuses the calendar knows", () => {
    const params = new URLSearchParams("profiles=prof_a,,prof_b&statuses=scheduled,nonsense,draft");
    expect(readCalendarFilters(params)).toEqual({
      profiles: ["prof_a", "prof_b"],
      statuses: ["scheduled", "draft"],
    });
    expect(readCalendarFilters(new URLSearchParams())).toEqual({ profiles: [], statuses: [] });
  });

  it("reads as the route's schema does for a valid query", () => {
    const params = new URLSearchParams(
      "from=2027-03-01&to=2027-04-01&profiles=prof_a&statuses=failed",
    );
    expect(readCalendarQuery(params).query).toEqual({
      from: "2027-03-01",
      to: "2027-04-01",
      ...readCalendarFilters(params),
    });
  });
});
