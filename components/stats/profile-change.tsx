import { change } from "@/lib/validation/stats";
import { numberFormat, styleFor } from "./palette";

export type ProfileChange = {
  profileId: string;
  name: string;
  first: number | null;
  last: number | null;
  previousFirst: number | null;
  snapshots: number;
};

const signed = (v: number) =>
  `${v > 0 ? "+" : v < 0 ? "−" : "±"}${numberFormat.format(Math.abs(v))}`;
const pct = (v: number | null) =>
  v === null ? "" : ` (${v > 0 ? "+" : v < 0 ? "−" : "±"}${Math.abs(v).toFixed(1)}%)`;

/** Per profile: change over the range (absolute and %) and over the previous period. */
export function ProfileChanges({ items, days }: { items: ProfileChange[]; days: number }) {
  return (
    <ul className="grid gap-3 sm:grid-cols-2">
      {items.map((item, i) => {
        const style = styleFor(i);
        const now = change(item.first, item.last);
        const before = change(item.previousFirst, item.first);
        return (
          <li key={item.profileId} className="rounded-md border border-gray-200 p-3 text-sm">
            <p className="flex items-center gap-2 font-medium text-gray-900">
              <svg width="24" height="6" aria-hidden>
                <line
                  x1="0"
                  y1="3"
                  x2="24"
                  y2="3"
                  stroke={style.color}
                  strokeWidth="3"
                  strokeDasharray={style.dash}
                />
              </svg>
              <span className="truncate">{item.name}</span>
              <span className="sr-only">({style.label} in the chart)</span>
            </p>
            {item.snapshots < 2 || !now ? (
              <p className="mt-1 text-gray-600">
                {item.snapshots === 0
                  ? "No snapshot in this range yet."
                  : "Only one snapshot in this range; a change needs two."}
              </p>
            ) : (
              <>
                <p className="mt-1 text-gray-900">
                  {numberFormat.format(item.last!)}{" "}
                  <span className="text-gray-700">
                    {signed(now.abs)}
                    {pct(now.pct)} in {days} days
                  </span>
                </p>
                <p className="text-xs text-gray-600">
                  {before
                    ? `Previous ${days} days: ${signed(before.abs)}${pct(before.pct)}`
                    : `No data for the previous ${days} days to compare with.`}
                </p>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
