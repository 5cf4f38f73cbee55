"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState, useTransition, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { signUpAction } from "@/lib/actions/auth";
import type { FieldErrors } from "@/lib/errors";
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
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const signInHref = `/sign-in${callbackUrl ? `?callbackUrl=${encodeURIComponent(safeCallbackUrl(callbackUrl))}` : ""}`;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    data.set("timezone", Intl.DateTimeFormat().resolvedOptions().timeZone);
    const errors = checkForm(signUpSchema, data);
    setFieldErrors(errors ?? {});
    setError(null);
    if (errors) return;
    startTransition(async () => {
      const result = await signUpAction(data);
      if (!result.ok) {
        setFieldErrors(result.fieldErrors ?? {});
        if (!result.fieldErrors || result.code !== "invalid_input") setError(result.message);
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
      router.replace(inviteToken ? "/posts" : safeCallbackUrl(callbackUrl, "/settings"));
      router.refresh();
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <h1 className="text-xl font-semibold text-gray-900">Create your account</h1>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {inviteToken ? <input type="hidden" name="inviteToken" value={inviteToken} /> : null}
      <Field id="name" label="Your name" errors={fieldErrors.name}>
        <Input
          id="name"
          name="name"
          autoComplete="name"
          aria-invalid={!!fieldErrors.name}
          aria-describedby={describedBy("name")}
        />
      </Field>
      <Field id="email" label="Work email" errors={fieldErrors.email}>
        <Input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          aria-invalid={!!fieldErrors.email}
          aria-describedby={describedBy("email")}
        />
      </Field>
      <Field
        id="password"
        label="Password"
        hint="At least 10 characters."
        errors={fieldErrors.password}
      >
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          aria-invalid={!!fieldErrors.password}
          aria-describedby={describedBy("password", true)}
        />
      </Field>
      <Button type="submit" className="w-full" disabled={isPending}>
        {isPending ? "Creating account…" : "Create account"}
      </Button>
      <p className="text-center text-sm text-gray-600">
        Already have an account?{" "}
        <Link className="font-medium text-brand-600 hover:underline" href={signInHref}>
          Sign in
        </Link>
      </p>
    </form>
  );
}
