"use client";

import { useState, useTransition, type FormEvent } from "react";
import type { z } from "zod";
import type { ActionResult } from "@/lib/errors";
import { checkForm } from "@/lib/validation/client-check";

/**
 * Submits a form's FormData to a server action. Unlike `<form action>`, it does not reset the
 * form afterwards, so what the user typed stays in place when the server refuses it. With a
 * schema, the same zod schema the server uses is checked first and nothing is sent if it fails.
 */
export function useActionForm<T>(
  action: (input: FormData) => Promise<ActionResult<T>>,
  options: {
    schema?: z.ZodType;
    onSubmit?: () => void;
    onSuccess?: (data: T, form: HTMLFormElement) => void;
  } = {},
) {
  const [state, setState] = useState<ActionResult<T> | null>(null);
  const [isPending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const formData = new FormData(form);
    const errors = options.schema ? checkForm(options.schema, formData) : null;
    if (errors) {
      setState({
        ok: false,
        code: "invalid_input",
        message: "Some fields need attention.",
        fieldErrors: errors,
      });
      return;
    }
    options.onSubmit?.();
    startTransition(async () => {
      try {
        const result = await action(formData);
        setState(result);
        if (result.ok) options.onSuccess?.(result.data, form);
      } catch {
        setState({
          ok: false,
          code: "internal",
          message: "Could not reach Postdeck. Check your connection and try again.",
        });
      }
    });
  }

  const fieldErrors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return { state, setState, onSubmit, isPending, fieldErrors };
}
