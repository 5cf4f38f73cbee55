import { PenSquare } from "lucide-react";
import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Compose" };

export default function ComposePage() {
  return (
    <>
      <PageHeader
        title="Compose"
        description="Create a TikTok video or photo post for one or more profiles."
      />
      <EmptyState icon={PenSquare} title="The composer is not available yet">
        This is where you will upload a video or up to 35 photos, write the caption, choose privacy
        and disclosure settings, preview the post and publish or schedule it. It arrives in an
        upcoming release of Postdeck.
      </EmptyState>
    </>
  );
}
