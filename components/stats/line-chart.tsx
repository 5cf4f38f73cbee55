"use client";

import dynamic from "next/dynamic";
import { useEffect, useRef, useState } from "react";
import type { ChartRow, ChartSeries } from "./line-chart-view";

export type { ChartRow, ChartSeries } from "./line-chart-view";

const placeholder = <div className="h-[280px] animate-pulse rounded-md bg-gray-50" aria-hidden />;

// The chart library is its own chunk, fetched when a chart comes on screen: a page whose
// charts are below the fold shows its first screen without it.
const LineChartView = dynamic(() => import("./line-chart-view").then((m) => m.LineChartView), {
  ssr: false,
  loading: () => placeholder,
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
  const ref = useRef<HTMLDivElement>(null);
  const [onScreen, setOnScreen] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setOnScreen(true);
          observer.disconnect();
        }
      },
      // A little ahead of scrolling, so the chart is usually drawn by the time it shows.
      { rootMargin: "0px 0px 120px 0px" },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return (
    <figure role="group" aria-label={label} className="min-w-0">
      <div aria-hidden ref={ref}>
        {onScreen ? <LineChartView {...rest} /> : placeholder}
      </div>
    </figure>
  );
}
