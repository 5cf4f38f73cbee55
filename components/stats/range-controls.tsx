import Link from "next/link";
import { cn } from "@/lib/utils";
import { profileMetricLabels, profileMetrics, type StatsQuery } from "@/lib/validation/stats";
import { buttonVariants } from "@/components/ui/button";

const presets = [
  { range: "7", label: "7 days" },
  { range: "30", label: "30 days" },
  { range: "90", label: "90 days" },
] as const;

/** Range, custom dates, metric and profiles: all in the URL (a plain GET form, no script). */
export function RangeControls({
  query,
  profiles,
  chosen,
  rangeHref,
}: {
  query: StatsQuery;
  profiles: { id: string; name: string }[];
  chosen: string[];
  rangeHref: (range: string) => string;
}) {
  return (
    <div className="mb-6 space-y-3">
      <nav aria-label="Range" className="flex flex-wrap gap-2">
        {presets.map((p) => (
          <Link
            key={p.range}
            href={rangeHref(p.range)}
            aria-current={query.range === p.range ? "page" : undefined}
            className={cn(
              buttonVariants({
                variant: query.range === p.range ? "primary" : "secondary",
                size: "sm",
              }),
            )}
          >
            {p.label}
          </Link>
        ))}
      </nav>
      <form method="get" action="/stats" className="flex flex-wrap items-end gap-3 text-sm">
        <input type="hidden" name="range" value="custom" />
        <input type="hidden" name="sort" value={query.sort} />
        <input type="hidden" name="metric" value={query.metric} />
        {chosen.map((id) => (
          <input key={id} type="hidden" name="profile" value={id} />
        ))}
        {(["from", "to"] as const).map((name) => (
          <label key={name} className="flex flex-col gap-1">
            <span className="text-gray-700">{name === "from" ? "From" : "To"}</span>
            <input
              type="date"
              name={name}
              required
              defaultValue={query.range === "custom" ? query[name] : undefined}
              className="h-8 rounded-md border border-gray-300 px-2"
            />
          </label>
        ))}
        <button type="submit" className={buttonVariants({ variant: "secondary", size: "sm" })}>
          Show custom range
        </button>
      </form>
      <form method="get" action="/stats" className="flex flex-wrap items-end gap-3 text-sm">
        <input type="hidden" name="range" value={query.range} />
        {query.range === "custom" ? (
          <>
            <input type="hidden" name="from" value={query.from} />
            <input type="hidden" name="to" value={query.to} />
          </>
        ) : null}
        <input type="hidden" name="sort" value={query.sort} />
        <label className="flex flex-col gap-1">
          <span className="text-gray-700">Metric</span>
          <select
            name="metric"
            defaultValue={query.metric}
            className="h-8 rounded-md border border-gray-300 px-2"
          >
            {profileMetrics.map((m) => (
              <option key={m} value={m}>
                {profileMetricLabels[m]}
              </option>
            ))}
          </select>
        </label>
        {profiles.length ? (
          <fieldset className="flex flex-wrap gap-x-4 gap-y-1">
            <legend className="mb-1 text-gray-700">Profiles</legend>
            {profiles.map((p) => (
              <label key={p.id} className="flex items-center gap-1.5">
                <input
                  type="checkbox"
                  name="profile"
                  value={p.id}
                  defaultChecked={chosen.includes(p.id)}
                />
                {p.name}
              </label>
            ))}
          </fieldset>
        ) : null}
        <button type="submit" className={buttonVariants({ variant: "secondary", size: "sm" })}>
          Apply
        </button>
      </form>
    </div>
  );
}
