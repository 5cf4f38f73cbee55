import { KeyRound } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { settingsLinks } from "./links";

/** What a page that needs Postproxy shows before the key is saved; only an owner can add it. */
export function NoKeyState({
  title,
  isOwner,
  children,
}: {
  title: string;
  isOwner: boolean;
  children: ReactNode;
}) {
  return (
    <EmptyState
      icon={KeyRound}
      title={title}
      action={
        isOwner ? (
          <Link href={settingsLinks.apiKey} className={buttonVariants()}>
            Add the API key
          </Link>
        ) : undefined
      }
    >
      {children}
    </EmptyState>
  );
}
