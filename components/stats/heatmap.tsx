"use client";

import {
  describeSlot,
  hourLabel,
  minPostsPerCell,
  topSlots,
  weekdayNames,
  type Cell,
} from "./best-times";

/** A sequential single-hue scale (light to dark blue): readable without telling hues apart. */
function shade(ratio: number): string {
  const lightness = 95 - Math.round(ratio * 60);
  return `hsl(205 80% ${lightness}%)`;
}

/** Weekday × hour of the workspace's engagement 7 days after publishing, with post counts. */
export function BestTimeHeatmap({ cells, timeZone }: { cells: Cell[]; timeZone: string }) {
  const byKey = new Map(cells.map((c) => [`${c.weekday}:${c.hour}`, c]));
  const rated = cells.filter((c) => c.posts >= minPostsPerCell);
  const maxEngagement = Math.max(1, ...rated.map((c) => c.engagement));
  const top = topSlots(cells);
  const order = [1, 2, 3, 4, 5, 6, 0];
  return (
    <div>
      {top.length ? (
        <div className="mb-3 text-sm text-gray-800">
          <p className="font-medium">Best times to post ({timeZone}):</p>
          <ol className="list-decimal pl-5">
            {top.map((c) => (
              <li key={`${c.weekday}:${c.hour}`}>{describeSlot(c)}</li>
            ))}
          </ol>
        </div>
      ) : (
        <p className="mb-3 text-sm text-gray-700">
          No hour rests on {minPostsPerCell} or more posts yet, so no best time is named. Cells show
          how many posts each hour has.
        </p>
      )}
      <div className="overflow-x-auto">
        <table className="border-separate border-spacing-0.5 text-[11px] tabular-nums">
          <caption className="sr-only">
            Posts and mean engagement 7 days after publishing, by weekday and hour ({timeZone}).
            Hours with fewer than {minPostsPerCell} posts are not rated.
          </caption>
          <thead>
            <tr>
              <th scope="col" className="sr-only">
                Weekday
              </th>
              {Array.from({ length: 24 }, (_, h) => (
                <th key={h} scope="col" className="w-6 font-normal text-gray-600">
                  <span aria-hidden>{h % 3 === 0 ? h : ""}</span>
                  <span className="sr-only">{hourLabel(h)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {order.map((d) => (
              <tr key={d}>
                <th scope="row" className="pr-1 text-left font-normal text-gray-700">
                  <span aria-hidden>{weekdayNames[d].slice(0, 3)}</span>
                  <span className="sr-only">{weekdayNames[d]}</span>
                </th>
                {Array.from({ length: 24 }, (_, h) => {
                  const c = byKey.get(`${d}:${h}`);
                  const isRated = !!c && c.posts >= minPostsPerCell;
                  const text = !c
                    ? "no posts"
                    : isRated
                      ? `${c.posts} posts, ${Math.round(c.engagement)} engagements on average`
                      : `${c.posts} ${c.posts === 1 ? "post" : "posts"}, too few to rate`;
                  return (
                    <td
                      key={h}
                      title={`${weekdayNames[d]} ${hourLabel(h)}: ${text}`}
                      data-posts={c?.posts ?? 0}
                      className="h-6 w-6 rounded-sm text-center align-middle"
                      style={
                        isRated
                          ? {
                              background: shade(c.engagement / maxEngagement),
                              color: c.engagement / maxEngagement > 0.5 ? "white" : "#111827",
                            }
                          : c
                            ? {
                                background:
                                  "repeating-linear-gradient(45deg,#f3f4f6 0 3px,#d1d5db 3px 5px)",
                                color: "#374151",
                              }
                            : { background: "#f9fafb" }
                      }
                    >
                      <span aria-hidden>{c ? c.posts : ""}</span>
                      <span className="sr-only">{text}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="mt-2 text-xs text-gray-600">
        Darker blue: more engagement. Striped grey: fewer than {minPostsPerCell} posts, not rated.
        Numbers: posts published in that hour.
      </p>
    </div>
  );
}
