"use client";

// Each filter's Field + Select spells out its own id, name, default and error wiring: a generic
// filter component would take as many props as the markup it saves.

import { SlidersHorizontal } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { Button, buttonVariants } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import {
  hasPostsFilters,
  postsListStatuses,
  postsQueryHref,
  postsQueryTextMax,
  type PostsProfileOption,
  type PostsQuery,
  type PostsQueryField,
  readPostsQuery,
} from "@/lib/validation/posts-query";
import { postStatusLooks } from "@/lib/format/status";

/**
 * The list's filters, kept in the URL: a GET form (it works before the script loads), sent as a
 * clean `/posts?…` without the empty fields. Problems the server found show at their field.
 */
export function PostsFilters({
  query,
  problems,
  profiles,
  timeZone,
}: {
  query: PostsQuery;
  problems: Partial<Record<PostsQueryField, string>>;
  profiles: PostsProfileOption[];
  timeZone: string;
}) {
  const router = useRouter();
  const isDrafts = query.tab === "drafts";
  const isOpen = hasPostsFilters(query) || Object.keys(problems).length > 0;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(event.currentTarget))
      if (typeof v === "string" && v.trim() !== "") params.set(k, v.trim());
    const read = readPostsQuery(params);
    // A valid set of filters goes into the URL in one spelling; a problem is shown by the page.
    if (Object.keys(read.problems).length === 0) router.push(postsQueryHref(read.query));
    else router.push(`/posts?${params}`);
  };
  const err = (field: PostsQueryField) => (problems[field] ? [problems[field]] : undefined);
  const known = new Set(profiles.map((p) => p.profileId));
  return (
    <details open={isOpen} className="group mb-4 rounded-lg border border-gray-200 bg-white">
      <summary className="flex cursor-pointer items-center gap-2 px-4 py-3 text-sm font-medium text-gray-900 sm:px-6">
        <SlidersHorizontal className="size-4" aria-hidden />
        Filters
        {hasPostsFilters(query) ? (
          <span className="rounded-full bg-accent-50 px-2 text-xs text-accent-800">on</span>
        ) : null}
      </summary>
      <form
        method="get"
        action="/posts"
        role="search"
        aria-label="Filter posts"
        onSubmit={onSubmit}
        className="grid gap-4 border-t border-gray-100 px-4 py-4 sm:grid-cols-2 sm:px-6 lg:grid-cols-6"
      >
        <input type="hidden" name="tab" value={query.tab} />
        <Field id="posts-q" label="Caption contains" errors={err("q")} className="lg:col-span-2">
          <Input
            id="posts-q"
            name="q"
            type="search"
            defaultValue={query.q ?? ""}
            maxLength={postsQueryTextMax}
            aria-invalid={problems.q ? true : undefined}
            aria-describedby={describedBy("posts-q")}
          />
        </Field>
        {isDrafts ? null : (
          <Field id="posts-status" label="Status" errors={err("status")}>
            <Select
              id="posts-status"
              name="status"
              defaultValue={query.status ?? ""}
              aria-invalid={problems.status ? true : undefined}
              aria-describedby={describedBy("posts-status")}
            >
              <option value="">Any status</option>
              {postsListStatuses.map((s) => (
                <option key={s} value={s}>
                  {postStatusLooks[s].label}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <Field id="posts-profile" label="Profile" errors={err("profile")}>
          <Select
            id="posts-profile"
            name="profile"
            defaultValue={query.profile ?? ""}
            aria-invalid={problems.profile ? true : undefined}
            aria-describedby={describedBy("posts-profile")}
          >
            <option value="">Any profile</option>
            {query.profile && !known.has(query.profile) ? (
              <option value={query.profile}>{query.profile}</option>
            ) : null}
            {profiles.map((p) => (
              <option key={p.profileId} value={p.profileId}>
                {p.profileName}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          id="posts-from"
          label="From"
          errors={err("from")}
          hint={isDrafts ? "Last edited on or after" : undefined}
        >
          <Input
            id="posts-from"
            name="from"
            type="date"
            defaultValue={query.from ?? ""}
            aria-invalid={problems.from ? true : undefined}
            aria-describedby={describedBy("posts-from", isDrafts)}
          />
        </Field>
        <Field id="posts-to" label="To" errors={err("to")}>
          <Input
            id="posts-to"
            name="to"
            type="date"
            defaultValue={query.to ?? ""}
            aria-invalid={problems.to ? true : undefined}
            aria-describedby={describedBy("posts-to")}
          />
        </Field>
        <div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-6">
          <Button type="submit">Apply filters</Button>
          {hasPostsFilters(query) || Object.keys(problems).length ? (
            <Link
              href={postsQueryHref({ tab: query.tab })}
              className={buttonVariants({ variant: "secondary" })}
            >
              Clear filters
            </Link>
          ) : null}
          <p className="text-xs text-gray-600">
            Dates are days in the workspace&apos;s timezone ({timeZone}),{" "}
            {isDrafts
              ? "on when each draft was last edited"
              : "on each post's scheduled or sent time"}
            .
          </p>
        </div>
      </form>
    </details>
  );
}
