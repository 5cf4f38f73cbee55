"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useState, type RefObject } from "react";
import type { UseFormReturn } from "react-hook-form";
import { toast } from "@/lib/toast";
import type { ActionResult } from "@/lib/errors";
import { focusFirstInvalid } from "@/lib/hooks/use-action-form";
import { scheduleTexts } from "@/lib/tiktok/texts";
import type { ComposePostFormValues } from "@/lib/validation/post";
import type { AutosaveController } from "./autosave-controller";
import { staleErrorRoots, toServerFieldErrors } from "./form-errors";

/** What Postproxy made of the submission, per profile (names). */
export type SubmitOutcome = {
  postId: string;
  accepted: string[];
  checking: string[];
  notTaken: { profileName: string; error: string | null }[];
};

export type SubmitPost = (values: ComposePostFormValues) => Promise<ActionResult<SubmitOutcome>>;

const invalidMessage = "Some fields need attention before this post can go out.";
const unreachableMessage =
  "Could not reach Postdeck. Nothing was sent; your post is kept here. Check your connection and try again.";

const names = (list: string[]) =>
  list.length <= 1 ? (list[0] ?? "") : `${list.slice(0, -1).join(", ")} and ${list.at(-1)}`;

/**
 * The toast says only what Postproxy accepted: success for those profiles, a warning naming the
 * others (not taken, or not confirmed yet). `null` for a draft (its own toast).
 */
export function submitToast(
  mode: "now" | "schedule",
  outcome: SubmitOutcome,
): { tone: "success" | "warning"; text: string } {
  const done = mode === "now" ? "Sent to Postproxy for" : "Scheduled for";
  const parts: string[] = [];
  if (outcome.accepted.length > 0)
    parts.push(
      `${done} ${names(outcome.accepted)}.${mode === "now" ? ` ${scheduleTexts.processingNotice}.` : ""}`,
    );
  if (outcome.checking.length > 0)
    parts.push(
      `Postproxy has not confirmed ${names(outcome.checking)} yet; Postdeck is checking with it.`,
    );
  if (outcome.notTaken.length > 0)
    parts.push(
      `Postproxy did not take it for ${names(outcome.notTaken.map((n) => n.profileName))}: see the post's page.`,
    );
  const isClean = outcome.checking.length === 0 && outcome.notTaken.length === 0;
  return {
    tone: isClean && outcome.accepted.length > 0 ? "success" : "warning",
    text: parts.join(" "),
  };
}

/**
 * Submits through react-query: saves any pending autosave first (so the draft is the post that
 * is sent), maps the server's dotted field errors back onto the form, and moves focus to the
 * first invalid field or the form's alert.
 */
export function useComposeSubmit({
  form,
  formRef,
  alertId,
  autosave,
  submit,
  onSent,
}: {
  form: UseFormReturn<ComposePostFormValues>;
  formRef: RefObject<HTMLFormElement | null>;
  alertId: string;
  autosave: AutosaveController<ComposePostFormValues>;
  submit: SubmitPost;
  onSent: () => void;
}) {
  const router = useRouter();
  const [message, setMessage] = useState<{ text: string; isAboutFields: boolean } | null>(null);
  const [failures, setFailures] = useState(0);

  // Once a submit has shown errors, every change checks the errored fields again: a message
  // whose cause another field removed (ticking Your brand clears the disclosure's) goes at once.
  useEffect(() => {
    const subscription = form.watch(() => {
      if (!form.formState.isSubmitted) return;
      const stale = staleErrorRoots(form.formState.errors);
      if (stale.length > 0) void form.trigger(stale as never);
    });
    return () => subscription.unsubscribe();
  }, [form]);
  const hasFieldErrors = Object.keys(form.formState.errors).length > 0;

  // After the errors render, land on the first invalid control (or the alert).
  // react-hook-form publishes its errors in a render of its own: wait a frame for aria-invalid.
  useEffect(() => {
    if (failures === 0) return;
    const frame = requestAnimationFrame(() => focusFirstInvalid(formRef.current, alertId));
    return () => cancelAnimationFrame(frame);
  }, [failures, formRef, alertId]);

  const mutation = useMutation({
    mutationFn: async (values: ComposePostFormValues) => {
      // Offline, a server action would throw into the error boundary; say so in the form instead.
      if (!navigator.onLine) throw new Error("The browser is offline.");
      autosave.pause();
      const postId = await autosave.flush();
      return submit({ ...values, postId: postId ?? values.postId });
    },
    onSuccess: (result, values) => {
      if (result.ok) {
        onSent();
        const mode = values.schedule?.mode ?? "now";
        if (mode === "draft") {
          toast.success("Draft saved.");
          router.push("/posts?status=draft");
          return;
        }
        const { tone, text } = submitToast(mode, result.data);
        if (tone === "success") toast.success(text);
        else toast.warning(text);
        // Replace, not push: Back must never land on a composer holding a sent post.
        router.replace(`/posts/${result.data.postId}`);
        return;
      }
      autosave.resume();
      const fieldErrors = toServerFieldErrors(result.fieldErrors);
      for (const { path, message: text } of fieldErrors) {
        form.setError(path as never, { type: "server", message: text });
      }
      setMessage({ text: result.message, isAboutFields: fieldErrors.length > 0 });
      setFailures((n) => n + 1);
    },
    onError: () => {
      autosave.resume();
      setMessage({ text: unreachableMessage, isAboutFields: false });
      setFailures((n) => n + 1);
    },
  });

  const onSubmit = form.handleSubmit(
    () => {
      setMessage(null);
      mutation.mutate(form.getValues());
    },
    () => {
      setMessage({ text: invalidMessage, isAboutFields: true });
      setFailures((n) => n + 1);
    },
  );

  // After a send the page is leaving: keep the button busy until it has.
  // "Some fields need attention" goes with the last field error it was about.
  const shown = message && (!message.isAboutFields || hasFieldErrors) ? message.text : null;
  return { onSubmit, message: shown, isPending: mutation.isPending || mutation.data?.ok === true };
}
