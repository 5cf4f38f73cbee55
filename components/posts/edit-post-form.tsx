"use client";

import dynamic from "next/dynamic";
import { useMemo, useState, useSyncExternalStore } from "react";
import { Controller, FormProvider, useForm, useFormContext, useWatch } from "react-hook-form";
import { CaptionField } from "@/components/compose/caption-field";
import { ConsentLine } from "@/components/compose/consent-line";
import { errorAt, toServerFieldErrors } from "@/components/compose/form-errors";
import { lazyComposeResolver } from "@/components/compose/lazy-resolver";
import { describeScheduledTime, toLocalInputValue } from "@/components/compose/schedule-time";
import { TikTokSettingsSection } from "@/components/compose/tiktok-settings";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { toast } from "@/lib/toast";
import { editPostAction } from "@/lib/actions/post-manage";
import { viewerTimeZone } from "@/lib/format/date";
import type { AuditStatus } from "@/lib/validation/enums";
import type { ComposePostFormValues } from "@/lib/validation/post";
import { editValuesOf } from "@/lib/validation/edit-values";
import type { PostManageView } from "@/lib/validation/post-manage";
import type { PostView } from "@/lib/validation/post-view";

const TimezonePicker = dynamic(
  () => import("@/components/settings/timezone-picker").then((m) => m.TimezonePicker),
  { ssr: false, loading: () => <div className="h-10 rounded-md border border-gray-200" /> },
);

const noSubscribe = () => () => {};

/** The form opens on what the post has now (the post's own fields, its time in its own zone). */
function defaultsOf(post: PostView): ComposePostFormValues {
  const at = post.scheduledAt ? toLocalInputValue(new Date(post.scheduledAt), post.timeZone) : "";
  return editValuesOf(post, at);
}

const useFormContextTyped = () => useFormContext<ComposePostFormValues>();

function ScheduleFields() {
  const { control, formState, setValue, trigger } = useFormContextTyped();
  const [at, timeZone] = useWatch({ control, name: ["schedule.at", "schedule.timeZone"] });
  const viewerZone = useSyncExternalStore(noSubscribe, viewerTimeZone, () => null);
  const described = describeScheduledTime(at, timeZone, viewerZone);
  const atError = errorAt(formState.errors, "schedule.at");
  const minAt = useMemo(
    () => (timeZone && viewerZone ? toLocalInputValue(new Date(), timeZone) : undefined),
    [timeZone, viewerZone],
  );
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <div className="space-y-1.5">
        <label htmlFor="edit-schedule-at" className="block text-sm font-medium text-gray-900">
          Date and time
        </label>
        <Input
          id="edit-schedule-at"
          type="datetime-local"
          value={at ?? ""}
          min={minAt}
          onChange={(e) => {
            setValue("schedule.at", e.target.value, { shouldDirty: true });
            if (e.target.value) void trigger("schedule.at");
          }}
          aria-invalid={atError ? true : undefined}
          aria-describedby="edit-schedule-at-hint edit-schedule-at-error"
        />
        <p id="edit-schedule-at-hint" className="text-xs text-gray-600" aria-live="polite">
          {described
            ? `That is ${described.utc}${described.viewer ? ` · ${described.viewer} where you are` : ""}.`
            : "In the timezone on the right."}
        </p>
        <p
          id="edit-schedule-at-error"
          aria-live="polite"
          className="text-sm text-danger-700 empty:hidden"
        >
          {atError}
        </p>
      </div>
      <div className="space-y-1.5">
        <label htmlFor="edit-schedule-zone" className="block text-sm font-medium text-gray-900">
          Timezone
        </label>
        <TimezonePicker
          id="edit-schedule-zone"
          name="schedule.timeZone"
          defaultValue={timeZone ?? "UTC"}
          invalid={!!errorAt(formState.errors, "schedule.timeZone")}
          describedBy="edit-schedule-zone-error"
          onChange={(zone) => {
            setValue("schedule.timeZone", zone, { shouldDirty: true });
            if (at) void trigger("schedule.at");
          }}
        />
        <p
          id="edit-schedule-zone-error"
          aria-live="polite"
          className="text-sm text-danger-700 empty:hidden"
        >
          {errorAt(formState.errors, "schedule.timeZone")}
        </p>
      </div>
    </div>
  );
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
          <ScheduleFields />
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
