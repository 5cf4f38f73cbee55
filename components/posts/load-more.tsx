"use client";

import { Button } from "@/components/ui/button";
import { describePostFetchError } from "./polling";

/** "Load more" under a list, with its own error line. */
export function LoadMore({
  hasMore,
  isLoading,
  error,
  onLoad,
  label,
}: {
  hasMore: boolean;
  isLoading: boolean;
  error: unknown;
  onLoad: () => void;
  label: string;
}) {
  if (!hasMore) return null;
  return (
    <div className="mt-4 flex flex-col items-center gap-2">
      <Button variant="secondary" onClick={onLoad} disabled={isLoading}>
        {isLoading ? "Loading…" : label}
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-danger-700">
          {describePostFetchError(error)}
        </p>
      ) : null}
    </div>
  );
}
