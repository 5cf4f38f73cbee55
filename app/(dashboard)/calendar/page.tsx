import { CalendarDays } from "lucide-react";
import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";

export const metadata: Metadata = { title: "Calendar" };

export default function CalendarPage() {
  return (
    <>
      <PageHeader
        title="Calendar"
        description="Your scheduled posts by month and week, in the workspace timezone."
      />
      <EmptyState
        icon={CalendarDays}
        title="Nothing scheduled yet"
        action={
          <Link href="/home" className={buttonVariants({ variant: "secondary" })}>
            Check your setup
          </Link>
        }
      >
        Scheduled posts will appear here in month and week views. You will be able to drag a post to
        another slot to reschedule it and filter by profile.
      </EmptyState>
    </>
  );
}
