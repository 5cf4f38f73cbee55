// Setup and arrange/act/assert steps repeat across tests on purpose: each test spells out its own
// data and expectation so a failure reads on its own; shared rows come from the test factories.
import { describe, expect, it } from "vitest";
import { localPostStatuses } from "./post-view";
import {
  postsListStatuses,
  postsQueryHref,
  postsQueryToSearchParams,
  readPostsQuery,
} from "./posts-query";

describe("readPostsQuery", () => {
  it("reads every filter from the URL and writes it back the same", () => {
    const url = "tab=posts&status=failed&profile=prof_a&from=2026-05-01&to=2026-05-31&q=launch";
    const { query, problems } = readPostsQuery(new URLSearchParams(url));
    expect(problems).toEqual({});
    expect(query).toEqual({
      tab: "posts",
      status: "failed",
      profile: "prof_a",
      from: "2026-05-01",
      to: "2026-05-31",
      q: "launch",
    });
    expect(postsQueryHref(query)).toBe(
      "/posts?status=failed&profile=prof_a&from=2026-05-01&to=2026-05-31&q=launch",
    );
    expect(readPostsQuery(postsQueryToSearchParams(query)).query).toEqual(query);
  });

  it("defaults to the Posts tab, ignores empty fields and takes the first of repeated ones", () => {
    expect(readPostsQuery({}).query).toEqual({ tab: "posts" });
    expect(readPostsQuery({ status: "", q: "   ", tab: "bogus" })).toEqual({
      query: { tab: "posts" },
      problems: {},
    });
    expect(readPostsQuery({ status: ["published", "failed"] }).query.status).toBe("published");
    expect(postsQueryHref({ tab: "posts" })).toBe("/posts");
  });

  it("drops a value that does not fit and names the problem at its field", () => {
    const { query, problems } = readPostsQuery({
      status: "draft",
      profile: "'; drop table posts",
      from: "2026-02-30",
      q: "x".repeat(101),
    });
    expect(query).toEqual({ tab: "posts" });
    expect(Object.keys(problems).sort()).toEqual(["from", "profile", "q", "status"]);
    expect(readPostsQuery({ from: "2026-05-02", to: "2026-05-01" })).toEqual({
      query: { tab: "posts", from: "2026-05-02" },
      problems: { to: "The start date is after the end date." },
    });
  });

  it("has no status on the Drafts tab, and filters by every post status but draft", () => {
    expect(readPostsQuery({ tab: "drafts", status: "failed" }).query).toEqual({ tab: "drafts" });
    expect(postsListStatuses).toEqual(localPostStatuses.filter((s) => s !== "draft"));
  });
});
