"use client";

// The caption Controller matches composer-form.tsx's: the two forms are separate react-hook-form
// instances with their own ids, so each wires its own field.

import { useState } from "react";
import { Controller, FormProvider, useForm } from "react-hook-form";
import { CaptionField } from "@/components/compose/caption-field";
import { ConsentLine } from "@/components/compose/consent-line";
import { errorAt, toServerFieldErrors } from "@/components/compose/form-errors";
import { lazyComposeResolver } from "@/components/compose/lazy-resolver";
import { ScheduleFields } from "@/components/compose/schedule-fields";
import { toLocalInputValue } from "@/components/compose/schedule-time";
import { TikTokSettingsSection } from "@/components/compose/tiktok-settings";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { toast } from "@/lib/toast";
import { editPostAction } from "@/lib/actions/post-manage";
import type { AuditStatus } from "@/lib/validation/enums";
import type { ComposePostFormValues } from "@/lib/validation/post";
import { editValuesOf } from "@/lib/validation/edit-values";
import type { PostManageView } from "@/lib/validation/post-manage";
import type { PostView } from "@/lib/validation/post-view";

/** The form opens on what the post has now (the post's own fields, its time in its own zone). */
function defaultsOf(post: PostView): ComposePostFormValues {
  const at = post.scheduledAt ? toLocalInputValue(new Date(post.scheduledAt), post.timeZone) : "";
  return editValuesOf(post, at);
}

/**
 * Edit mode of a scheduled post: caption, TikTok settings and time, with the composer's fields,
 * schema and texts. Saving sends a Postproxy PATCH per profile; the answer says which took it.
 */
export function EditPostForm({
  post,
  manage,
  auditStatus,
  onClose,
  onSaved,
}: {
  post: PostView;
  manage: PostManageView;
  auditStatus: AuditStatus;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [version] = useState(manage.version);
  const form = useForm<ComposePostFormValues>({
    resolver: lazyComposeResolver(auditStatus),
    defaultValues: defaultsOf(post),
    mode: "onSubmit",
    reValidateMode: "onChange",
    shouldFocusError: true,
  });
  const [formError, setFormError] = useState<{ message: string; isConflict: boolean } | null>(null);
  const errors = form.formState.errors;

  const onSubmit = form.handleSubmit(
    async (values) => {
      setFormError(null);
      let result: Awaited<ReturnType<typeof editPostAction>>;
      try {
        result = await editPostAction({ ...values, postId: post.id, version });
      } catch {
        setFormError({
          message: "Couldn't reach Postdeck. Check your connection and save again.",
          isConflict: false,
        });
        return;
      }
      if (result.ok) {
        const refused = result.data.outcomes.filter((o) => !o.accepted);
        if (refused.length === 0)
          toast.success("Saved: Postproxy took the change for every profile.");
        else toast.error(refused.map((o) => o.message).join(" "));
        onSaved();
        return;
      }
      let focused = false;
      for (const { path, message } of toServerFieldErrors(result.fieldErrors)) {
        form.setError(path as keyof ComposePostFormValues, { message }, { shouldFocus: !focused });
        focused = true;
      }
      if (!focused || result.code !== "invalid_input")
        setFormError({ message: result.message, isConflict: result.code === "conflict" });
    },
    () => setFormError(null),
  );

  return (
    <FormProvider {...form}>
      <form
        onSubmit={onSubmit}
        noValidate
        aria-labelledby="edit-post-title"
        className="space-y-6 rounded-lg border border-accent-200 bg-white p-4 sm:p-6"
      >
        <div>
          <h2 id="edit-post-title" className="text-base font-semibold text-gray-900">
            Edit scheduled post
          </h2>
          <p className="mt-1 text-sm text-gray-600">
            Saving changes the post on Postproxy for every profile still scheduled. Media and
            profiles stay as they are.
          </p>
        </div>
        {formError ? (
          <Alert tone={formError.isConflict ? "warning" : "error"}>
            <p>{formError.message}</p>
            {formError.isConflict ? (
              <Button
                type="button"
                size="sm"
                variant="secondary"
                className="mt-2"
                onClick={() => window.location.reload()}
              >
                Reload the post
              </Button>
            ) : null}
          </Alert>
        ) : null}
        <section className="space-y-2">
          <Controller
            control={form.control}
            name="caption"
            render={({ field }) => (
              <CaptionField
                id="edit-caption"
                value={field.value ?? ""}
                onChange={field.onChange}
                onBlur={field.onBlur}
                ref={field.ref}
                error={errorAt(errors, "caption")}
              />
            )}
          />
        </section>
        <section aria-labelledby="edit-settings-label" className="space-y-2">
          <h3 id="edit-settings-label" className="text-sm font-medium text-gray-900">
            TikTok settings
          </h3>
          <TikTokSettingsSection auditStatus={auditStatus} format={post.format} />
        </section>
        <section aria-labelledby="edit-when-label" className="space-y-2">
          <h3 id="edit-when-label" className="text-sm font-medium text-gray-900">
            When
          </h3>
          <ScheduleFields idPrefix="edit" />
        </section>
        <ConsentLine />
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={form.formState.isSubmitting}>
            {form.formState.isSubmitting ? "Saving on Postproxy…" : "Save changes"}
          </Button>
          <Button type="button" variant="secondary" onClick={onClose}>
            Discard changes
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}
