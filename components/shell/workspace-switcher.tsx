"use client";

import { LazyMenu } from "./lazy-menu";
import { SwitcherFace, switcherTriggerClass, type Workspace } from "./workspace-switcher-face";

const loadDropdown = () =>
  import("./workspace-switcher-dropdown").then((m) => m.WorkspaceSwitcherDropdown);

/** The sidebar's workspace menu; its code loads when the button is hovered or focused. */
export function WorkspaceSwitcher({
  workspaces,
  currentId,
}: {
  workspaces: Workspace[];
  currentId: string;
}) {
  return (
    <LazyMenu
      load={loadDropdown}
      props={{ workspaces, currentId }}
      className={switcherTriggerClass}
    >
      <SwitcherFace current={workspaces.find((w) => w.id === currentId)} />
    </LazyMenu>
  );
}
