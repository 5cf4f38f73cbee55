"use client";

import {
  BarChart3,
  CalendarDays,
  Home,
  Images,
  ListVideo,
  PenSquare,
  Settings,
  Users,
  type LucideIcon,
} from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { hasRole, type WorkspaceRole } from "@/lib/validation/enums";
import { cn } from "@/lib/utils";

type NavItem = { href: string; label: string; icon: LucideIcon; minRole?: WorkspaceRole };

/** The main navigation, in order. `minRole`: shown disabled, with the reason, below that role. */
const items: NavItem[] = [
  { href: "/home", label: "Home", icon: Home },
  { href: "/compose", label: "Compose", icon: PenSquare, minRole: "editor" },
  { href: "/media", label: "Media", icon: Images },
  { href: "/posts", label: "Posts", icon: ListVideo },
  { href: "/calendar", label: "Calendar", icon: CalendarDays },
  { href: "/profiles", label: "Profiles", icon: Users },
  { href: "/stats", label: "Stats", icon: BarChart3 },
  { href: "/settings", label: "Settings", icon: Settings },
];

export function NavLinks({ role }: { role: WorkspaceRole }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main">
      <ul className="space-y-1">
        {items.map(({ href, label, icon: Icon, minRole }) => {
          const isActive = pathname === href || pathname.startsWith(`${href}/`);
          if (minRole && !hasRole(role, minRole)) {
            return (
              <li
                key={href}
                className="flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium text-gray-500"
              >
                <Icon className="size-4" aria-hidden />
                {label}
                <span className="ml-auto text-xs font-normal">Editors only</span>
              </li>
            );
          }
          return (
            <li key={href}>
              <Link
                href={href}
                aria-current={isActive ? "page" : undefined}
                className={cn(
                  "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium",
                  isActive
                    ? "bg-brand-50 text-brand-700"
                    : "text-gray-700 hover:bg-gray-100 hover:text-gray-900",
                )}
              >
                <Icon className="size-4" aria-hidden />
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
