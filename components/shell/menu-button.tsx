"use client";

import { Menu } from "lucide-react";

export const menuButtonClass =
  "inline-flex size-10 items-center justify-center rounded-md text-gray-700 hover:bg-gray-100";

export function MenuButtonFace() {
  return (
    <>
      <Menu className="size-5" aria-hidden />
      <span className="sr-only">Open menu</span>
    </>
  );
}
