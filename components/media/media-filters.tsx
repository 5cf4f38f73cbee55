"use client";

import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Select } from "@/components/ui/input";
import { FileNameSearch } from "./file-name-search";
import { mediaLibrarySearch, type MediaLibraryQuery } from "@/lib/validation/media-library";

const kindLabels = { all: "All kinds", video: "Videos", image: "Photos", other: "Other files" };
const verdictLabels = { all: "Any verdict", ready: "Usable files", refused: "Refused files" };
const useLabels = { all: "Used or not", used: "Used in a post", unused: "Never used" };
const sinceLabels = {
  any: "Any time",
  "7d": "Last 7 days",
  "30d": "Last 30 days",
  "90d": "Last 90 days",
  "365d": "Last year",
};
const sortLabels = { newest: "Newest first", name: "Name (A–Z)", size: "Largest first" };

/** The filters in screen order: label, query key, option labels (uploaders come from the page). */
const choices = [
  ["Kind", "kind", kindLabels],
  ["Verdict", "verdict", verdictLabels],
  ["Use", "use", useLabels],
  ["Uploaded by", "by", {}],
  ["Uploaded", "since", sinceLabels],
  ["Sort", "sort", sortLabels],
] as const satisfies readonly (readonly [
  string,
  keyof MediaLibraryQuery,
  Record<string, string>,
])[];

function Choice<K extends keyof MediaLibraryQuery>({
  label,
  name,
  value,
  options,
  onChange,
}: {
  label: string;
  name: K;
  value: string;
  options: Record<string, string>;
  onChange(name: K, value: string): void;
}) {
  return (
    <label className="flex min-w-0 flex-col gap-1 text-xs font-medium text-gray-700">
      {label}
      <Select value={value} onChange={(e) => onChange(name, e.target.value)} name={name}>
        {Object.entries(options).map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </Select>
    </label>
  );
}

/** Search, filters and sort of the library; every change goes into the URL (shareable, Back works). */
export function MediaFilters({
  query,
  uploaders,
}: {
  query: MediaLibraryQuery;
  uploaders: { id: string; name: string }[];
}) {
  const router = useRouter();
  const pathname = usePathname();
  const [text, setText] = useState(query.q);
  const lastPushed = useRef(query.q);
  // A search that changes from outside (Back, a link) replaces what the box shows.
  const [shownQ, setShownQ] = useState(query.q);
  const [pushedQ, setPushedQ] = useState(query.q);
  if (query.q !== shownQ) {
    setShownQ(query.q);
    if (query.q !== pushedQ) {
      setPushedQ(query.q);
      setText(query.q);
    }
  }

  const go = (next: MediaLibraryQuery) => {
    const search = mediaLibrarySearch(next).toString();
    router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false });
  };
  const onChange = (name: keyof MediaLibraryQuery, value: string) =>
    go({ ...query, [name]: value });

  // Typing searches after a short pause; the URL is the source of truth once it lands.
  useEffect(() => {
    if (text.trim() === lastPushed.current) return;
    const timer = setTimeout(() => {
      lastPushed.current = text.trim();
      setPushedQ(text.trim());
      go({ ...query, q: text.trim() });
    }, 300);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `go` is rebuilt each render; the query is read when the timer fires
  }, [text]);

  return (
    <form
      role="search"
      aria-label="Search and filter media"
      className="mb-4 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4"
      onSubmit={(e) => {
        e.preventDefault();
        lastPushed.current = text.trim();
        setPushedQ(text.trim());
        go({ ...query, q: text.trim() });
      }}
    >
      <FileNameSearch
        value={text}
        onChange={setText}
        name="q"
        placeholder="e.g. launch"
        className="sm:col-span-3 lg:col-span-2"
      />
      {choices.map(([label, name, options]) => (
        <Choice
          key={name}
          label={label}
          name={name}
          value={query[name]}
          options={
            name === "by"
              ? { "": "Anyone", ...Object.fromEntries(uploaders.map((u) => [u.id, u.name])) }
              : options
          }
          onChange={onChange}
        />
      ))}
    </form>
  );
}
