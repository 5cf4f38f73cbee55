import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { enabledOAuthProviders } from "@/lib/auth/options";
import { getSessionUser } from "@/lib/auth/session";
import { safeCallbackUrl } from "@/lib/validation/client-check";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
}) {
  const { callbackUrl, error } = await searchParams;
  if (await getSessionUser()) redirect(safeCallbackUrl(callbackUrl));
  return (
    <SignInForm
      callbackUrl={callbackUrl}
      oauthProviders={enabledOAuthProviders()}
      initialError={error}
    />
  );
}
