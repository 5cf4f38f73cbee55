"use client";

import dynamic from "next/dynamic";
import type { ChartRow, ChartSeries } from "./line-chart-view";

export type { ChartRow, ChartSeries } from "./line-chart-view";

// The chart library loads with the first chart, not with the route's first load.
const LineChartView = dynamic(() => import("./line-chart-view").then((m) => m.LineChartView), {
  ssr: false,
  loading: () => <div className="h-[280px] animate-pulse rounded-md bg-gray-50" aria-hidden />,
});

/** A chart drawn for sighted users; the same numbers are in the table beside it. */
export function LineChart(props: {
  rows: ChartRow[];
  series: ChartSeries[];
  timeZone: string;
  yLabel: string;
  /** What the chart shows, for assistive technology (the table carries the numbers). */
  label: string;
}) {
  const { label, ...rest } = props;
  return (
    <figure role="group" aria-label={label} className="min-w-0">
      <div aria-hidden>
        <LineChartView {...rest} />
      </div>
    </figure>
  );
}
