"use client";

import { useState, useTransition, type FormEvent } from "react";
import type { ActionResult } from "@/lib/errors";

/**
 * Submits a form's FormData to a server action. Unlike `<form action>`, it does not reset the
 * form afterwards, so what the user typed stays in place when the server refuses it.
 */
export function useActionForm<T>(
  action: (input: FormData) => Promise<ActionResult<T>>,
  options: { onSuccess?: (data: T, form: HTMLFormElement) => void } = {},
) {
  const [state, setState] = useState<ActionResult<T> | null>(null);
  const [isPending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const formData = new FormData(form);
    startTransition(async () => {
      try {
        const result = await action(formData);
        setState(result);
        if (result.ok) options.onSuccess?.(result.data, form);
      } catch {
        setState({ ok: false, code: "internal", message: "Could not reach Postdeck. Check your connection and try again." });
      }
    });
  }

  const fieldErrors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return { state, setState, onSubmit, isPending, fieldErrors };
}
