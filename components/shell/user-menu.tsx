"use client";

import { LazyMenu } from "./lazy-menu";
import { UserMenuFace, userMenuTriggerClass } from "./user-menu-face";

const loadDropdown = () => import("./user-menu-dropdown").then((m) => m.UserMenuDropdown);

/** Account settings and sign-out; the menu's code loads when the button is hovered or focused. */
export function UserMenu({ name, email }: { name: string; email: string }) {
  return (
    <LazyMenu load={loadDropdown} props={{ name, email }} className={userMenuTriggerClass}>
      <UserMenuFace name={name} email={email} />
    </LazyMenu>
  );
}
