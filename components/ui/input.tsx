import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

const fieldBase =
  "block w-full rounded-md border border-gray-300 bg-white px-3 text-sm shadow-xs placeholder:text-gray-500 focus:border-accent-700 focus:ring-2 focus:ring-accent-100 aria-invalid:border-danger-600 aria-invalid:ring-danger-50 disabled:bg-gray-50 disabled:text-gray-500";

export function Input({ className, ...props }: ComponentProps<"input">) {
  return <input className={cn(fieldBase, "h-10", className)} {...props} />;
}

export function Select({ className, ...props }: ComponentProps<"select">) {
  return <select className={cn(fieldBase, "h-10 pr-8", className)} {...props} />;
}
