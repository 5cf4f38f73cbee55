/**
 * A chart row: a snapshot time and, per series, its value then. A series without a snapshot at
 * that time has no key (`undefined`); a snapshot whose value Postproxy reported missing is `null`.
 */
export type ChartRow = { t: number } & Record<string, number | null | undefined>;

/** A line of a chart: its data key and the name its legend and table give it. */
export type ChartSeries = { key: string; name: string };

/** What a line chart draws (the static drawing and the interactive one alike). */
export type ChartViewProps = {
  rows: ChartRow[];
  series: ChartSeries[];
  timeZone: string;
  yLabel: string;
};

export type ChartSegment = {
  /** The data key the segment's line reads. */
  key: string;
  /** The series it belongs to (same name and style for all its segments). */
  series: string;
  /** The first segment of its series (the one the legend names). */
  first: boolean;
  /** How many values it holds (a lone value is drawn as a dot). */
  points: number;
};

/**
 * Splits each series into runs between its reported-missing values, so a missing value is a
 * gap in the line and never a 0, while times at which only another series has a snapshot are
 * bridged (the line goes from the series' previous snapshot to its next one). Each run becomes
 * its own key (`<series>~<n>`); a line per key drawn with connectNulls connects within the run
 * only.
 */
export function segmentRows(
  rows: ChartRow[],
  seriesKeys: string[],
): { rows: ({ t: number } & Record<string, number>)[]; segments: ChartSegment[] } {
  const out = rows.map((r) => ({ t: r.t }) as { t: number } & Record<string, number>);
  const segments: ChartSegment[] = [];
  for (const series of seriesKeys) {
    const own: ChartSegment[] = [];
    let n = 0;
    let open: ChartSegment | null = null;
    rows.forEach((row, i) => {
      const v = row[series];
      if (v === undefined) return;
      if (v === null) {
        if (open) n += 1;
        open = null;
        return;
      }
      if (!open) {
        open = { key: `${series}~${n}`, series, first: n === 0, points: 0 };
        own.push(open);
      }
      out[i][open.key] = v;
      open.points += 1;
    });
    // A series with no value at all still has its legend entry.
    if (own.length === 0) own.push({ key: `${series}~0`, series, first: true, points: 0 });
    segments.push(...own);
  }
  return { rows: out, segments };
}
