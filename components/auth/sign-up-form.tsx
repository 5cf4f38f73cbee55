"use client";

// Form markup from the same pieces (useActionForm, FormAlert, fields, submit Button) as the other
// small forms: each names its own action, schema, fields and wording, so the repeats stay.

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useEffect, useId, useRef, useState, useTransition, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmailField, TextField } from "@/components/ui/field";
import { signUpAction } from "@/lib/actions/auth";
import type { FieldErrors } from "@/lib/errors";
import { focusFirstInvalid } from "@/lib/hooks/use-action-form";
import { signUpSchema } from "@/lib/validation/auth";
import { checkForm, safeCallbackUrl } from "@/lib/validation/client-check";

export function SignUpForm({
  inviteToken,
  callbackUrl,
}: {
  inviteToken?: string;
  callbackUrl?: string;
}) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const alertId = useId();
  const [failure, setFailure] = useState<{
    fieldErrors: FieldErrors;
    message: string | null;
    isExistingAccount: boolean;
  } | null>(null);
  const [isPending, startTransition] = useTransition();
  const signInHref = `/sign-in${callbackUrl ? `?callbackUrl=${encodeURIComponent(safeCallbackUrl(callbackUrl))}` : ""}`;
  const fieldErrors = failure?.fieldErrors ?? {};

  useEffect(() => {
    if (failure) focusFirstInvalid(formRef.current, alertId);
  }, [failure, alertId]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    data.set("timezone", Intl.DateTimeFormat().resolvedOptions().timeZone);
    const errors = checkForm(signUpSchema, data);
    if (errors) {
      setFailure({ fieldErrors: errors, message: null, isExistingAccount: false });
      return;
    }
    setFailure(null);
    startTransition(async () => {
      const result = await signUpAction(data);
      if (!result.ok) {
        // A message that belongs to a field is shown there only, never twice.
        setFailure({
          fieldErrors: result.fieldErrors ?? {},
          message: result.fieldErrors ? null : result.message,
          isExistingAccount: result.code === "conflict",
        });
        return;
      }
      const signedIn = await signIn("credentials", {
        email: String(data.get("email")),
        password: String(data.get("password")),
        redirect: false,
      });
      if (!signedIn || signedIn.error) {
        router.replace("/sign-in");
        return;
      }
      router.replace(inviteToken ? "/home" : safeCallbackUrl(callbackUrl, "/home"));
      router.refresh();
    });
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
      <h1 className="text-xl font-semibold text-gray-900">Create your account</h1>
      {failure?.message ? (
        <Alert tone="error" id={alertId} focusable>
          {failure.message}
        </Alert>
      ) : null}
      {inviteToken ? <input type="hidden" name="inviteToken" value={inviteToken} /> : null}
      <TextField name="name" label="Your name" errors={fieldErrors.name} autoComplete="name" />
      <div className="space-y-1">
        <EmailField label="Work email" errors={fieldErrors.email} />
        {failure?.isExistingAccount && fieldErrors.email ? (
          <Link className="text-sm font-medium text-accent-700 underline" href={signInHref}>
            Sign in instead
          </Link>
        ) : null}
      </div>
      <TextField
        name="password"
        label="Password"
        hint="At least 10 characters. A phrase of a few words works well."
        errors={fieldErrors.password}
        type="password"
        autoComplete="new-password"
      />
      <Button type="submit" className="w-full" disabled={isPending}>
        {isPending ? "Creating account…" : "Create account"}
      </Button>
      <p className="text-center text-sm text-gray-600">
        Already have an account?{" "}
        <Link
          className="font-medium text-accent-700 underline-offset-2 hover:underline"
          href={signInHref}
        >
          Sign in
        </Link>
      </p>
    </form>
  );
}
