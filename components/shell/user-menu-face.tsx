"use client";

export const userMenuTriggerClass =
  "flex w-full items-center gap-3 rounded-md px-2 py-2 text-left hover:bg-gray-100";

/** The user menu button's face: initials, name, email (its accessible name says "user menu"). */
export function UserMenuFace({ name, email }: { name: string; email: string }) {
  const initials = name
    .split(/\s+/)
    .map((p) => p[0])
    .join("")
    .slice(0, 2)
    .toUpperCase();
  return (
    <>
      <span
        className="flex size-8 shrink-0 items-center justify-center rounded-full bg-gray-900 text-xs font-semibold text-white"
        aria-hidden
      >
        {initials}
      </span>
      <span className="min-w-0">
        <span className="block truncate text-sm font-medium text-gray-900">{name}</span>
        <span className="block truncate text-xs text-gray-600">{email}</span>
        <span className="sr-only">, user menu</span>
      </span>
    </>
  );
}
