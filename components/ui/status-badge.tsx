import type { StatusColour, StatusLook } from "@/lib/format/status";
import { cn } from "@/lib/utils";

/** Okabe–Ito hues: a tinted background, dark text of the same hue, a dot of the full colour. */
export const statusColourClasses: Record<StatusColour, { badge: string; dot: string }> = {
  neutral: { badge: "bg-gray-100 text-gray-800", dot: "bg-gray-400" },
  slate: { badge: "bg-white text-gray-800 ring-1 ring-gray-400 ring-inset", dot: "bg-gray-900" },
  sky: { badge: "bg-[#e8f4fb] text-[#0b4f71]", dot: "bg-[#56b4e9]" },
  blue: { badge: "bg-[#e5f0f8] text-[#00446e]", dot: "bg-[#0072b2]" },
  purple: { badge: "bg-[#f8ebf2] text-[#7a2856]", dot: "bg-[#cc79a7]" },
  green: { badge: "bg-[#e0f3ed] text-[#00563f]", dot: "bg-[#009e73]" },
  orange: { badge: "bg-[#fcf1dc] text-[#6b4a00]", dot: "bg-[#e69f00]" },
  yellow: { badge: "bg-[#fbf8d4] text-[#5c5400]", dot: "bg-[#f0e442] ring-1 ring-[#5c5400]" },
  vermillion: { badge: "bg-[#fbe8dd] text-[#8a3300]", dot: "bg-[#d55e00]" },
};

/** A status as a pill: its colour from the one map (lib/format/status), always with its words. */
export function StatusBadge({ look, children }: { look: StatusLook; children?: string }) {
  const colour = statusColourClasses[look.colour];
  return (
    <span
      data-status-colour={look.colour}
      className={cn(
        "inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium",
        colour.badge,
      )}
    >
      <span className={cn("size-1.5 shrink-0 rounded-full", colour.dot)} aria-hidden />
      {children ?? look.label}
    </span>
  );
}
