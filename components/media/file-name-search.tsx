"use client";

import { Search } from "lucide-react";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/utils";
import { mediaSearchMax } from "@/lib/validation/media-library";

/** The library's "Search by file name" field, on the Media page and in the composer's dialog. */
export function FileNameSearch({
  value,
  onChange,
  className,
  name,
  placeholder,
}: {
  value: string;
  onChange: (value: string) => void;
  className?: string;
  name?: string;
  placeholder?: string;
}) {
  return (
    <label
      className={cn(
        "col-span-2 flex min-w-0 flex-col gap-1 text-xs font-medium text-gray-700",
        className,
      )}
    >
      Search by file name
      <span className="relative">
        <Search
          className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-gray-400"
          aria-hidden
        />
        <Input
          type="search"
          name={name}
          value={value}
          maxLength={mediaSearchMax}
          placeholder={placeholder}
          className="pl-9"
          onChange={(e) => onChange(e.target.value)}
        />
      </span>
    </label>
  );
}
