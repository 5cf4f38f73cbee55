"use client";

import { useEffect, useId, useRef, useState, useTransition, type FormEvent } from "react";
import { toast } from "@/lib/toast";
import type { z } from "zod";
import type { ActionResult } from "@/lib/errors";
import { checkForm } from "@/lib/validation/client-check";
import { useTrackUnsavedChanges } from "./use-unsaved-changes";

/**
 * After a failed submit: the first control marked aria-invalid (in page order), or else the form's
 * alert, gets focus, so keyboard and screen-reader users land on what needs fixing.
 */
export function focusFirstInvalid(form: HTMLFormElement | null, alertId?: string) {
  const field = form?.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid="true"]');
  const target = field ?? (alertId ? document.getElementById(alertId) : null);
  target?.focus();
}

/** The form-level message to show: only when no field carries the error itself. */
export function formErrorOf(state: ActionResult<unknown> | null): string | null {
  if (!state || state.ok) return null;
  const fields = Object.keys(state.fieldErrors ?? {}).filter((k) => k !== "_form");
  return fields.length ? null : state.message;
}

/**
 * Submits a form's FormData to a server action. Unlike `<form action>`, it does not reset the
 * form afterwards, so what the user typed stays in place when the server refuses it. With a
 * schema, the same zod schema the server uses is checked first and nothing is sent if it fails.
 * Failures move focus to the first invalid field (or the form's alert); success shows a toast.
 */
export function useActionForm<T>(
  action: (input: FormData) => Promise<ActionResult<T>>,
  options: {
    schema?: z.ZodType;
    onSubmit?: () => void;
    onSuccess?: (data: T, form: HTMLFormElement) => void;
    /** Shown as a short-lived toast after success. */
    successMessage?: string | ((data: T) => string);
    /** Warn before a workspace switch or navigation would drop edits. */
    trackUnsaved?: boolean;
  } = {},
) {
  const formRef = useRef<HTMLFormElement>(null);
  const alertId = useId();
  const [state, setState] = useState<ActionResult<T> | null>(null);
  const [isPending, startTransition] = useTransition();
  const { markClean } = useTrackUnsavedChanges(formRef, !!options.trackUnsaved);

  useEffect(() => {
    if (state && !state.ok) focusFirstInvalid(formRef.current, alertId);
  }, [state, alertId]);

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
        if (result.ok) {
          markClean();
          const message =
            typeof options.successMessage === "function"
              ? options.successMessage(result.data)
              : options.successMessage;
          if (message) toast.success(message);
          options.onSuccess?.(result.data, form);
        }
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
  return {
    state,
    setState,
    onSubmit,
    isPending,
    fieldErrors,
    formRef,
    alertId,
    formError: formErrorOf(state),
  };
}
