// Route segment config and the withWorkspaceRoute opening repeat in every route file: Next reads
// the config statically from each file; the wrapper holds the shared logic.
import { noStoreJson, withWorkspaceRoute } from "@/lib/auth/route";
import { listCalendarEntries } from "@/lib/data/calendar";
import { readCalendarQuery } from "@/lib/validation/calendar-query";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The calendar's entries for a range and its filters (the schema the page reads its URL with). */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = withWorkspaceRoute("calendar", {
  GET: {
    access: "viewer",
    handler: async (req, ctx) => {
      const { query, problems } = readCalendarQuery(new URL(req.url).searchParams);
      if (!query)
        return noStoreJson(
          { error: "invalid_input", message: Object.values(problems)[0], problems },
          400,
        );
      return listCalendarEntries(ctx, query);
    },
  },
});
