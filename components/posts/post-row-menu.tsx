"use client";

import { MoreHorizontal } from "lucide-react";
import { LazyMenu } from "@/components/shell/lazy-menu";
import {
  postRowMenuLabel,
  postRowMenuTriggerClass,
  type PostRowMenuProps,
} from "./post-row-menu-face";

// Radix's menu and its positioning (about 23 kB compressed) load with the first row menu used.
const loadDropdown = () => import("./post-row-menu-dropdown").then((m) => m.PostRowMenuDropdown);

/** A row's actions for editors: continue editing and delete (drafts), duplicate (any post). */
export function PostRowMenu(props: PostRowMenuProps) {
  return (
    <LazyMenu load={loadDropdown} props={props} className={postRowMenuTriggerClass}>
      <MoreHorizontal className="size-5" aria-hidden />
      <span className="sr-only">{postRowMenuLabel(props.isDraft, props.name)}</span>
    </LazyMenu>
  );
}
