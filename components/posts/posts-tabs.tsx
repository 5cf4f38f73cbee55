// Current-link styling like nav-links.tsx's, but tabs (underline) versus sidebar (filled): the
// classes are the difference, so each list keeps its own.
import Link from "next/link";
import { cn } from "@/lib/utils";
import { postsQueryHref, type PostsQuery, type PostsTab } from "@/lib/validation/posts-query";

const tabs: { value: PostsTab; label: string }[] = [
  { value: "posts", label: "Posts" },
  { value: "drafts", label: "Drafts" },
];

/** Sent posts and drafts as two tabs; switching keeps the profile, dates and search. */
export function PostsTabs({ query }: { query: PostsQuery }) {
  return (
    <nav aria-label="Posts or drafts" className="mb-4 flex gap-2 border-b border-gray-200">
      {tabs.map((t) => {
        const isCurrent = query.tab === t.value;
        return (
          <Link
            key={t.value}
            href={postsQueryHref({ ...query, tab: t.value, status: undefined })}
            aria-current={isCurrent ? "page" : undefined}
            className={cn(
              "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
              isCurrent
                ? "border-accent-700 text-accent-800"
                : "border-transparent text-gray-600 hover:text-gray-900",
            )}
          >
            {t.label}
          </Link>
        );
      })}
    </nav>
  );
}
