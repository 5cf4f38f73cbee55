"use client";

import { useState, type ComponentType } from "react";
import type { ChartViewProps as ViewProps } from "./chart-segments";
import { StaticLineChart } from "./static-line-chart";

export type { ChartRow, ChartSeries } from "./chart-segments";

/**
 * A chart drawn for sighted users; the same numbers are in the table beside it. It is drawn on
 * the server without the chart library, so the page shows it with no chart code downloaded; the
 * interactive chart (recharts, in its own chunk: tooltips) replaces it once the pointer first
 * comes over it or a finger touches it, the static drawing staying until the library arrives.
 */
export function LineChart(props: ViewProps & { label: string }) {
  const { label, ...rest } = props;
  const [View, setView] = useState<ComponentType<ViewProps> | null>(null);
  const [asked, setAsked] = useState(false);
  const wake = () => {
    if (asked) return;
    setAsked(true);
    void import("./line-chart-view").then(
      (m) => setView(() => m.LineChartView),
      // The library did not arrive (offline): the static drawing stays, a later pointer retries.
      () => setAsked(false),
    );
  };
  return (
    <figure role="group" aria-label={label} className="min-w-0">
      <div
        aria-hidden
        data-chart={View ? "interactive" : "static"}
        onPointerEnter={wake}
        onTouchStart={wake}
      >
        {View ? <View {...rest} /> : <StaticLineChart {...rest} />}
      </div>
    </figure>
  );
}
