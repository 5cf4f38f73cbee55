import { clsx, type ClassValue } from "clsx";
// tailwind-merge with only the class groups this code uses (scripts/tw-merge/generate.mjs): the
// full default configuration cost every page about 3 kB more.
import { twMerge } from "./tw-merge.generated";

export function cn(...inputs: ClassValue[]) {
  return twMerge(clsx(inputs));
}
