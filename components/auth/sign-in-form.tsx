"use client";

// Form markup from the same pieces (useActionForm, FormAlert, fields, submit Button) as the other
// small forms: each names its own action, schema, fields and wording, so the repeats stay.

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useEffect, useId, useRef, useState, useTransition, type FormEvent } from "react";
import { FormAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmailField, TextField } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/errors";
import { focusFirstInvalid } from "@/lib/hooks/use-action-form";
import { signInSchema } from "@/lib/validation/auth";
import { checkForm, safeCallbackUrl } from "@/lib/validation/client-check";

const messages: Record<string, string> = {
  CredentialsSignin: "Email or password is incorrect.",
  RateLimited: "Too many failed sign-in attempts. Wait 15 minutes, then try again.",
  OAuthEmail: "That provider did not share a verified email address.",
};

export function SignInForm({
  callbackUrl,
  oauthProviders,
  initialError,
}: {
  callbackUrl?: string;
  oauthProviders: { id: string; name: string }[];
  initialError?: string;
}) {
  const router = useRouter();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(
    initialError ? (messages[initialError] ?? "Sign-in failed. Try again.") : null,
  );
  const [isPending, startTransition] = useTransition();
  const [failures, setFailures] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const alertId = useId();
  const target = safeCallbackUrl(callbackUrl);

  useEffect(() => {
    if (failures > 0) focusFirstInvalid(formRef.current, alertId);
  }, [failures, alertId]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const errors = checkForm(signInSchema, form);
    setFieldErrors(errors ?? {});
    setError(null);
    if (errors) {
      setFailures((n) => n + 1);
      return;
    }
    const data = new FormData(form);
    startTransition(async () => {
      const result = await signIn("credentials", {
        email: String(data.get("email")),
        password: String(data.get("password")),
        redirect: false,
      });
      if (!result || result.error) {
        setError(messages[result?.error ?? ""] ?? messages.CredentialsSignin);
        setFailures((n) => n + 1);
        return;
      }
      router.replace(target);
      router.refresh();
    });
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
      <h1 className="text-xl font-semibold text-gray-900">Sign in</h1>
      <FormAlert id={alertId} message={error} />
      <EmailField errors={fieldErrors.email} />
      <TextField
        name="password"
        label="Password"
        errors={fieldErrors.password}
        type="password"
        autoComplete="current-password"
      />
      <p className="-mt-2 text-right text-sm">
        <Link
          href="/forgot-password"
          className="font-medium text-accent-700 underline-offset-2 hover:underline"
        >
          Forgot your password?
        </Link>
      </p>
      <Button type="submit" className="w-full" disabled={isPending}>
        {isPending ? "Signing in…" : "Sign in"}
      </Button>
      {oauthProviders.length > 0 ? (
        <div className="space-y-2 border-t border-gray-100 pt-4">
          {oauthProviders.map((p) => (
            <Button
              key={p.id}
              variant="secondary"
              className="w-full"
              onClick={() => signIn(p.id, { callbackUrl: target })}
            >
              Continue with {p.name}
            </Button>
          ))}
        </div>
      ) : null}
      <p className="text-center text-sm text-gray-600">
        New to Postdeck?{" "}
        <Link
          className="font-medium text-accent-700 underline-offset-2 hover:underline"
          href={`/sign-up${callbackUrl ? `?callbackUrl=${encodeURIComponent(target)}` : ""}`}
        >
          Create an account
        </Link>
      </p>
    </form>
  );
}
