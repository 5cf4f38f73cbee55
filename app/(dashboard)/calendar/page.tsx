import type { Metadata } from "next";
import { Suspense } from "react";
import { CalendarScreen } from "@/components/calendar/calendar-screen";
import { PageHeader } from "@/components/ui/page-header";
import { requireWorkspace } from "@/lib/auth/session";
import { listPostsProfileOptions } from "@/lib/data/posts-list";
import { getWorkspaceSettings } from "@/lib/data/workspaces";
import { hasRole } from "@/lib/validation/enums";

export const metadata: Metadata = { title: "Calendar" };

export default async function CalendarPage() {
  const ctx = await requireWorkspace();
  const [settings, profiles] = await Promise.all([
    getWorkspaceSettings(ctx),
    listPostsProfileOptions(ctx),
  ]);
  return (
    <>
      <PageHeader
        title="Calendar"
        description={`Every post by month, week or agenda, in the workspace timezone (${settings.timezone}).`}
      />
      <Suspense>
        <CalendarScreen
          workspaceId={ctx.workspaceId}
          timeZone={settings.timezone}
          canEdit={hasRole(ctx.role, "editor")}
          profiles={profiles}
        />
      </Suspense>
    </>
  );
}
