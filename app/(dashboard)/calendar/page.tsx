import { CalendarDays } from "lucide-react";
import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Calendar" };

export default function CalendarPage() {
  return (
    <>
      <PageHeader
        title="Calendar"
        description="Your scheduled posts by month and week, in the workspace timezone."
      />
      <EmptyState icon={CalendarDays} title="Nothing scheduled yet">
        Scheduled posts will appear here in month and week views. You will be able to drag a post to
        another slot to reschedule it and filter by profile.
      </EmptyState>
    </>
  );
}
