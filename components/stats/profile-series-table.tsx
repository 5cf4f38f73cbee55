"use client";

import { useState } from "react";
import { SeriesDisclosure, SeriesTableView, type SeriesTableProps } from "./series-table";

type Payload = Pick<SeriesTableProps, "columns" | "rows" | "timeZone">;
type State =
  | { status: "closed" | "loading" }
  | { status: "error"; message: string }
  | { status: "ready"; data: Payload };

/**
 * The profile chart's numbers, fetched from `src` (a JSON route answering for the page's query)
 * when the disclosure is first opened: the page's HTML and RSC payload stay without ~180 rows.
 */
export function ProfileSeriesTable({
  src,
  caption,
  id,
}: {
  src: string;
  caption: string;
  id: string;
}) {
  const [state, setState] = useState<State>({ status: "closed" });
  const load = async () => {
    setState({ status: "loading" });
    try {
      const res = await fetch(src);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      setState({ status: "ready", data: (await res.json()) as Payload });
    } catch (e) {
      setState({
        status: "error",
        message: `The numbers could not be loaded (${(e as Error).message}); close and open the table to try again.`,
      });
    }
  };
  const onToggle = (open: boolean) => {
    if (open && (state.status === "closed" || state.status === "error")) void load();
  };
  return (
    <SeriesDisclosure onToggle={onToggle}>
      {state.status === "ready" ? (
        <SeriesTableView caption={caption} id={id} {...state.data} />
      ) : (
        <p
          className={state.status === "error" ? "mt-2 text-danger-800" : "mt-2 text-gray-600"}
          role={state.status === "error" ? "alert" : "status"}
        >
          {state.status === "error" ? state.message : "Loading the numbers…"}
        </p>
      )}
    </SeriesDisclosure>
  );
}
