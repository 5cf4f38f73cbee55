import Link from "next/link";
import { cn } from "@/lib/utils";
import { postStatusFilters, type PostStatusFilter } from "@/lib/validation/post-list";

export function StatusTabs({ current }: { current: PostStatusFilter }) {
  return (
    <nav aria-label="Filter by status" className="mb-4 flex gap-2 overflow-x-auto pb-1">
      {postStatusFilters.map((f) => (
        <Link
          key={f.value}
          href={f.value === "all" ? "/posts" : `/posts?status=${f.value}`}
          aria-current={current === f.value ? "page" : undefined}
          className={cn(
            "shrink-0 rounded-full px-3 py-1 text-sm font-medium whitespace-nowrap",
            current === f.value
              ? "bg-accent-50 text-accent-800"
              : "text-gray-600 hover:bg-gray-100",
          )}
        >
          {f.label}
        </Link>
      ))}
    </nav>
  );
}
