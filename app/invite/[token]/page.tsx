import type { Metadata } from "next";
import Link from "next/link";
import { Logo } from "@/components/logo";
import { Alert } from "@/components/ui/alert";
import { buttonVariants } from "@/components/ui/button";
import { DateTime } from "@/components/ui/date-time";
import { AcceptInviteButton } from "@/components/workspace/accept-invite-button";
import { getSessionUser } from "@/lib/auth/session";
import { getInviteStatusForToken, inviteMessages } from "@/lib/data/invites";

export const metadata: Metadata = { title: "Invitation" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invite, user] = await Promise.all([getInviteStatusForToken(token), getSessionUser()]);
  const here = `/invite/${encodeURIComponent(token)}`;

  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4">
      <div className="mb-8">
        <Logo />
      </div>
      <div className="w-full max-w-md space-y-5 rounded-xl border border-gray-200 bg-white p-8 shadow-sm">
        {invite.status === "valid" ? (
          <>
            <div>
              <h1 className="text-xl font-semibold text-gray-900">Join {invite.workspaceName}</h1>
              <p className="mt-2 text-sm text-gray-600">
                You have been invited as{" "}
                {invite.role === "editor"
                  ? "an editor (compose, schedule and delete posts)"
                  : "a viewer (read only)"}
                . The link works once and expires on <DateTime value={invite.expiresAt} />.
              </p>
            </div>
            {user ? (
              <>
                <p className="text-sm text-gray-600">Signed in as {user.email}.</p>
                <AcceptInviteButton token={token} workspaceName={invite.workspaceName} />
              </>
            ) : (
              <div className="space-y-2">
                <Link
                  className={buttonVariants({ className: "w-full" })}
                  href={`/sign-up?invite=${encodeURIComponent(token)}`}
                >
                  Create an account and join
                </Link>
                <Link
                  className={buttonVariants({ variant: "secondary", className: "w-full" })}
                  href={`/sign-in?callbackUrl=${encodeURIComponent(here)}`}
                >
                  I already have an account
                </Link>
              </div>
            )}
          </>
        ) : (
          <>
            <h1 className="text-xl font-semibold text-gray-900">This invite can’t be used</h1>
            <Alert tone="error">{inviteMessages[invite.status]}</Alert>
            <Link
              className={buttonVariants({ variant: "secondary", className: "w-full" })}
              href={user ? "/home" : "/sign-in"}
            >
              {user ? "Back to Postdeck" : "Go to sign in"}
            </Link>
          </>
        )}
      </div>
    </main>
  );
}
