// Table markup like series-table.tsx's: the columns and cells differ, the skeleton is plain HTML.
import Link from "next/link";
import { PostThumb } from "@/components/posts/post-thumb";
import { buttonVariants } from "@/components/ui/button";
import { formatDateTime } from "@/lib/format/date";
import { engagementRate, formatRate } from "@/lib/validation/stats";
import {
  topPostSorts,
  topPostsPageSize,
  type TopPost,
  type TopPostSort,
} from "@/lib/validation/top-posts";

export { topPostSorts, type TopPost, type TopPostSort } from "@/lib/validation/top-posts";
import { numberFormat } from "./palette";

const show = (v: number | null) => (v === null ? "—" : numberFormat.format(v));

/**
 * One page of the posts published in the range, ranked by their latest snapshot; headers sort
 * and the pager pages through the URL (sorting and paging both done in SQL).
 */
export function TopPostsTable({
  rows,
  sort,
  sortHref,
  page,
  hasNext,
  pageHref,
  timeZone,
}: {
  rows: TopPost[];
  sort: TopPostSort;
  sortHref: (sort: TopPostSort) => string;
  page: number;
  hasNext: boolean;
  pageHref: (page: number) => string;
  timeZone: string;
}) {
  const first = (page - 1) * topPostsPageSize + 1;
  return (
    <>
      {/* w-0 + min-w-full: the wide table scrolls in its box and never widens the page (390 px);
          relative: its sr-only labels (absolute) are placed inside the box, not against the page. */}
      <div className="relative w-0 min-w-full overflow-x-auto">
        <table className="w-full min-w-[640px] text-left text-sm tabular-nums">
          <caption className="sr-only">
            Posts published in the range, sorted by{" "}
            {topPostSorts.find((s) => s.key === sort)?.label}, highest first: {first} to{" "}
            {first + rows.length - 1}
          </caption>
          <thead>
            <tr className="border-b border-gray-200 text-xs text-gray-600">
              <th scope="col" className="py-2 pr-3 font-medium">
                Post
              </th>
              {topPostSorts.map((s) => (
                <th
                  key={s.key}
                  scope="col"
                  className="py-2 pr-3 font-medium"
                  aria-sort={s.key === sort ? "descending" : "none"}
                >
                  <Link href={sortHref(s.key)} className="underline-offset-2 hover:underline">
                    {s.label}
                    {s.key === sort ? <span aria-hidden> ↓</span> : null}
                    <span className="sr-only">{s.key === sort ? "" : ", sort by this column"}</span>
                  </Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.targetId} className="border-b border-gray-100 align-middle">
                <td className="py-2 pr-3">
                  <Link href={`/posts/${r.postId}`} className="flex items-center gap-3">
                    <PostThumb mediaId={r.mediaId} format={r.format} mediaCount={r.mediaCount} />
                    <span className="min-w-0">
                      <span className="line-clamp-2 max-w-xs text-gray-900 underline-offset-2 hover:underline">
                        {r.caption || "(no caption)"}
                      </span>
                      <span className="block text-xs text-gray-600">{r.profileName}</span>
                    </span>
                  </Link>
                </td>
                <td className="py-2 pr-3">{show(r.impressions)}</td>
                <td className="py-2 pr-3">{show(r.likes)}</td>
                <td className="py-2 pr-3">{show(r.comments)}</td>
                <td className="py-2 pr-3">{show(r.shares)}</td>
                <td className="py-2 pr-3">{formatRate(engagementRate(r))}</td>
                <td className="py-2 pr-3 whitespace-nowrap">
                  {formatDateTime(r.publishedAt, { timeZone, format: "date" })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {page > 1 || hasNext ? (
        <nav aria-label="Pages of the posts table" className="mt-3 flex items-center gap-3 text-sm">
          {page > 1 ? (
            <Link
              href={pageHref(page - 1)}
              className={buttonVariants({ variant: "secondary", size: "sm" })}
            >
              Previous {topPostsPageSize}
            </Link>
          ) : null}
          <span className="text-gray-600">
            Posts {first}–{first + rows.length - 1}
          </span>
          {hasNext ? (
            <Link
              href={pageHref(page + 1)}
              className={buttonVariants({ variant: "secondary", size: "sm" })}
            >
              Next {topPostsPageSize}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
