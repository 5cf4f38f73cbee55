import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { Alert } from "@/components/ui/alert";
import { buttonVariants } from "@/components/ui/button";
import { checkResetLink, resetTokenMessages } from "@/lib/data/password-resets";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({
  params,
}: {
  params: Promise<{ token: string }>;
}) {
  const { token } = await params;
  const status = await checkResetLink(token);
  if (status !== "valid") {
    return (
      <div className="space-y-4">
        <h1 className="text-xl font-semibold text-gray-900">This link can’t be used</h1>
        <Alert tone="error">{resetTokenMessages[status]}</Alert>
        <Link href="/forgot-password" className={buttonVariants({ className: "w-full" })}>
          Ask for a new link
        </Link>
      </div>
    );
  }
  return <ResetPasswordForm token={token} />;
}
