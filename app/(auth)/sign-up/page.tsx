// Same opening as sign-in/page.tsx (signed-in users go on): each page reads its own search params.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { getSessionUser } from "@/lib/auth/session";
import { safeCallbackUrl } from "@/lib/validation/client-check";

export const metadata: Metadata = { title: "Create your account" };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; invite?: string }>;
}) {
  const { callbackUrl, invite } = await searchParams;
  if (await getSessionUser()) redirect(safeCallbackUrl(callbackUrl));
  return <SignUpForm inviteToken={invite} callbackUrl={callbackUrl} />;
}
