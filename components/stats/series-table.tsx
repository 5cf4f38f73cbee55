import type { ReactNode } from "react";
import { formatDateTime } from "@/lib/format/date";
import { numberFormat } from "./palette";

export type SeriesTableProps = {
  caption: string;
  columns: { key: string; name: string }[];
  rows: ({ t: number } & Record<string, number | null | undefined>)[];
  timeZone: string;
  id?: string;
};

/** The disclosure every chart's table alternative sits in (closed until asked for). */
export function SeriesDisclosure({
  children,
  onToggle,
}: {
  children: ReactNode;
  onToggle?: (open: boolean) => void;
}) {
  return (
    <details
      className="mt-3 text-sm"
      onToggle={onToggle ? (e) => onToggle(e.currentTarget.open) : undefined}
    >
      <summary className="cursor-pointer text-gray-700 underline">
        Show the numbers as a table
      </summary>
      {children}
    </details>
  );
}

/** The chart's numbers as a table: the alternative for screen readers and for checking values. */
export function SeriesTable(props: SeriesTableProps) {
  return (
    <SeriesDisclosure>
      <SeriesTableView {...props} />
    </SeriesDisclosure>
  );
}

export function SeriesTableView({ caption, columns, rows, timeZone, id }: SeriesTableProps) {
  return (
    // Scrolls when long: focusable so a keyboard can scroll it too. Relative: its sr-only cells
    // (absolute) stay in the box instead of lengthening the page below it.
    <div
      className="relative mt-2 max-h-80 overflow-auto focus-visible:outline-2 focus-visible:outline-accent-700"
      tabIndex={0}
      role="region"
      aria-label={caption}
    >
      <table id={id} className="w-full text-left text-xs tabular-nums">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-gray-200">
            <th scope="col" className="py-1 pr-3 font-medium">
              Recorded ({timeZone})
            </th>
            {columns.map((c) => (
              <th key={c.key} scope="col" className="py-1 pr-3 font-medium">
                {c.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.t} className="border-b border-gray-100">
              <th scope="row" className="py-1 pr-3 font-normal whitespace-nowrap">
                {formatDateTime(new Date(r.t).toISOString(), { timeZone })}
              </th>
              {columns.map((c) => (
                <td key={c.key} className="py-1 pr-3">
                  {r[c.key] === undefined ? (
                    // No snapshot of this series at this time (another series has one).
                    <span className="sr-only">no snapshot</span>
                  ) : r[c.key] === null ? (
                    "—"
                  ) : (
                    numberFormat.format(r[c.key] as number)
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
