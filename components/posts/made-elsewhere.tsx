/** Marks a post the workspace's Postproxy account made outside Postdeck (imported, read-only). */
export function MadeElsewhereBadge() {
  return (
    <span
      className="inline-flex items-center rounded-full border border-gray-300 bg-gray-50 px-2 py-0.5 text-xs font-medium text-gray-700"
      title="Made outside Postdeck with this workspace's Postproxy account; shown here read-only."
    >
      Made elsewhere
    </span>
  );
}

/** The post page's note on an imported post: why nothing on it can be changed here. */
export function MadeElsewhereNote() {
  return (
    <p
      role="note"
      className="rounded-md border border-gray-200 bg-gray-50 px-3 py-2 text-sm text-gray-700"
    >
      <MadeElsewhereBadge /> This post was made outside Postdeck with the workspace&apos;s Postproxy
      account. It is shown here with its stats, read-only: it cannot be edited, cancelled or retried
      from Postdeck. Duplicate it to post something like it.
    </p>
  );
}
