import { segmentRows, type ChartViewProps } from "./chart-segments";
import { styleFor } from "./palette";

const height = 280;
const plotHeight = 224; // the rest: x-axis labels and the legend
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

/** About `count` round tick values covering [min, max] (1, 2, 2.5 or 5 × a power of ten apart). */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (min === max) return [min];
  const raw = (max - min) / (count - 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const first = Math.floor(min / step) * step;
  const ticks: number[] = [];
  for (let v = first; v < max + step; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

/**
 * The chart drawn without the chart library (rendered on the server, no script needed): the same
 * series, styles, gaps and bridges as the interactive chart (chart-segments), which replaces it
 * once the pointer comes over it (tooltips). Lines are in a stretched viewBox with strokes that
 * do not scale; labels are HTML placed in %, so it fits any width without measuring.
 */
export function StaticLineChart({ rows, series, timeZone, yLabel }: ChartViewProps) {
  const keys = series.map((s) => s.key);
  const { rows: data, segments } = segmentRows(rows, keys);
  const values = data.flatMap((r) =>
    Object.entries(r)
      .filter(([k]) => k !== "t")
      .map(([, v]) => v),
  );
  const t0 = data[0]?.t ?? 0;
  const t1 = data.at(-1)?.t ?? 1;
  const ticks = values.length ? niceTicks(Math.min(...values), Math.max(...values)) : [0, 1];
  const y0 = ticks[0];
  const y1 = ticks.at(-1)! === y0 ? y0 + 1 : ticks.at(-1)!;
  const x = (t: number) => (t1 === t0 ? 50 : ((t - t0) / (t1 - t0)) * 100);
  const y = (v: number) => (1 - (v - y0) / (y1 - y0)) * 100;
  const day = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone });
  const xTicks = Array.from({ length: 7 }, (_, i) => t0 + ((t1 - t0) * i) / 6);
  const grid = [
    ...ticks.map((v) => ({ key: `y${v}`, at: { x1: 0, x2: 100, y1: y(v), y2: y(v) } })),
    ...xTicks.map((t) => ({ key: `x${t}`, at: { x1: x(t), x2: x(t), y1: 0, y2: 100 } })),
  ];
  return (
    <div className="flex flex-col text-xs text-gray-600" style={{ height }}>
      <div className="flex" style={{ height: plotHeight }}>
        <div className="relative w-12 shrink-0">
          <span className="absolute top-1/2 left-0 -translate-x-1/3 -translate-y-1/2 -rotate-90 whitespace-nowrap">
            {yLabel}
          </span>
          {ticks.map((v) => (
            <span
              key={v}
              className="absolute right-1.5 -translate-y-1/2"
              style={{ top: `${y(v)}%` }}
            >
              {compact.format(v)}
            </span>
          ))}
        </div>
        <div className="relative min-w-0 flex-1 border-b border-l border-gray-400">
          <svg
            className="absolute inset-0 h-full w-full overflow-visible"
            viewBox="0 0 100 100"
            preserveAspectRatio="none"
          >
            {grid.map((g) => (
              <line
                key={g.key}
                {...g.at}
                stroke="#e5e7eb"
                strokeDasharray="3 3"
                vectorEffect="non-scaling-stroke"
              />
            ))}
            {segments.map((seg) => {
              const style = styleFor(keys.indexOf(seg.series));
              const points = data
                .filter((r) => r[seg.key] !== undefined)
                .map((r) => `${x(r.t).toFixed(3)} ${y(r[seg.key]).toFixed(3)}`);
              if (points.length === 0) return null;
              // A lone value (or a short series) is also drawn as dots: zero-length round caps.
              const dots = seg.points === 1 || rows.length <= 40;
              return (
                <g key={seg.key} data-series={seg.series}>
                  <path
                    d={`M${points.join("L")}`}
                    fill="none"
                    stroke={style.color}
                    strokeWidth={2}
                    strokeDasharray={style.dash}
                    strokeLinejoin="round"
                    vectorEffect="non-scaling-stroke"
                  />
                  {dots ? (
                    <path
                      d={points.map((p) => `M${p}l0 0`).join("")}
                      stroke={style.color}
                      strokeWidth={5}
                      strokeLinecap="round"
                      vectorEffect="non-scaling-stroke"
                    />
                  ) : null}
                </g>
              );
            })}
          </svg>
        </div>
      </div>
      <div className="relative ml-12 h-6">
        {xTicks.map((t, i) => (
          <span
            key={t}
            // Every other date on a narrow screen, so the labels never run into each other.
            className={`absolute top-1 -translate-x-1/2 whitespace-nowrap ${i % 2 ? "hidden sm:inline" : ""}`}
            style={{ left: `${x(t)}%` }}
          >
            {day.format(t)}
          </span>
        ))}
      </div>
      <ul className="flex flex-wrap justify-center gap-x-4 gap-y-1">
        {series.map((s, i) => {
          const style = styleFor(i);
          return (
            // The name in the text colour (several series colours fail 4.5:1 on white as text); the
            // line sample beside it carries the series colour and dash.
            <li key={s.key} className="flex items-center gap-1 text-gray-800">
              <svg width="16" height="8" aria-hidden>
                <line
                  x1={0}
                  x2={16}
                  y1={4}
                  y2={4}
                  stroke={style.color}
                  strokeWidth={2}
                  strokeDasharray={style.dash}
                />
              </svg>
              {s.name}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
