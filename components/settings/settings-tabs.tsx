"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";

const tabs = [
  { href: "/settings", label: "General" },
  { href: "/settings/members", label: "Members" },
];

export function SettingsTabs() {
  const pathname = usePathname();
  return (
    <nav aria-label="Settings" className="mb-6 flex gap-1 border-b border-gray-200">
      {tabs.map((t) => (
        <Link
          key={t.href}
          href={t.href}
          aria-current={pathname === t.href ? "page" : undefined}
          className={cn(
            "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
            pathname === t.href
              ? "border-brand-500 text-brand-700"
              : "border-transparent text-gray-600 hover:text-gray-900",
          )}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
