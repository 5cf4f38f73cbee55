"use client";

import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { segmentRows, type ChartViewProps } from "./chart-segments";
import { numberFormat, styleFor } from "./palette";

export type { ChartRow, ChartSeries } from "./chart-segments";

const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

/**
 * Recharts line chart (loaded on demand): one line per series through its own snapshots, a gap
 * only where Postproxy reported a value missing (each run between gaps is its own line).
 */
export function LineChartView({ rows, series, timeZone, yLabel }: ChartViewProps) {
  const day = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone });
  const full = new Intl.DateTimeFormat("en-US", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone,
  });
  const keys = series.map((s) => s.key);
  const { rows: data, segments } = segmentRows(rows, keys);
  return (
    <ResponsiveContainer width="100%" height={280}>
      <LineChart
        data={data}
        margin={{ top: 8, right: 12, bottom: 4, left: 0 }}
        // The chart is aria-hidden (the table carries the numbers): nothing in it may take focus.
        accessibilityLayer={false}
      >
        <CartesianGrid stroke="#e5e7eb" strokeDasharray="3 3" />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={["dataMin", "dataMax"]}
          tickFormatter={(v: number) => day.format(v)}
          tick={{ fontSize: 12, fill: "#4b5563" }}
          minTickGap={24}
        />
        <YAxis
          tickFormatter={(v: number) => compact.format(v)}
          tick={{ fontSize: 12, fill: "#4b5563" }}
          width={48}
          domain={["auto", "auto"]}
          name={yLabel}
          label={{
            value: yLabel,
            angle: -90,
            position: "insideLeft",
            fontSize: 12,
            fill: "#4b5563",
          }}
        />
        <Tooltip
          labelFormatter={(v) => full.format(Number(v))}
          formatter={(value) => (typeof value === "number" ? numberFormat.format(value) : "—")}
        />
        <Legend
          wrapperStyle={{ fontSize: 12 }}
          // Names in the text colour, as in the server-drawn chart: as text, several series
          // colours fall below 4.5:1 on white.
          formatter={(value) => <span style={{ color: "#1f2937" }}>{value}</span>}
        />
        {segments.map((seg) => {
          const i = keys.indexOf(seg.series);
          const style = styleFor(i);
          return (
            <Line
              key={seg.key}
              dataKey={seg.key}
              name={series[i].name}
              legendType={seg.first ? "line" : "none"}
              type="monotone"
              stroke={style.color}
              strokeDasharray={style.dash}
              strokeWidth={2}
              dot={seg.points === 1 || rows.length <= 40 ? { r: 2.5 } : false}
              isAnimationActive={false}
              // Times at which only another series has a snapshot are bridged; a reported-missing
              // value already ended this segment (the next run is another line).
              connectNulls
            />
          );
        })}
      </LineChart>
    </ResponsiveContainer>
  );
}
