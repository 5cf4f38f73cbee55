import type { ReactNode } from "react";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { PageHeader } from "@/components/ui/page-header";

export default function SettingsLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <PageHeader
        title="Settings"
        description="Workspace details, TikTok app status, the Postproxy key and who has access."
      />
      <SettingsTabs />
      {children}
    </>
  );
}
