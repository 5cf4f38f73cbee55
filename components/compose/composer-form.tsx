"use client";

import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { Controller, FormProvider, useForm, useWatch } from "react-hook-form";
import { Alert, FormAlert } from "@/components/ui/alert";
import { saveDraftAction, submitPostAction } from "@/lib/actions/posts";
import { readDisclosure } from "@/lib/tiktok/disclosure";
import { disclosureTexts, mediaTexts } from "@/lib/tiktok/texts";
import type { ComposePostFormValues } from "@/lib/validation/post";
import { CaptionField } from "./caption-field";
import type { ComposerProps } from "./composer-types";
import { errorAt, errorsByIndex } from "./form-errors";
import { FormSection } from "./form-section";
import { leavingSave } from "./leaving-saves";
import { lazyComposeResolver } from "./lazy-resolver";
import {
  browserStorage,
  findUnsavedPost,
  localDraftKey,
  readLocalDraft,
  removeLocalDraft,
  removeStashedPost,
  shouldRestoreLocal,
  stashNewPost,
  type LocalDraft,
} from "./local-draft";
import { ProfilePicker } from "./profile-picker";
import { SaveIndicator } from "./save-indicator";
import { SubmitBar } from "./submit-bar";
import { UnsavedPostOffer } from "./unsaved-post-offer";
import { TikTokSettingsSection } from "./tiktok-settings";
import { useAutosave } from "./use-autosave";
import { useComposeSubmit } from "./use-compose-submit";
import { useComposerMedia } from "./use-composer-media";
import { WhenSection } from "./when-section";

// Uploads, drag and drop and the preview are the heavy parts: they load after the form.
const MediaField = dynamic(() => import("./media-field").then((m) => m.MediaField), {
  ssr: false,
  loading: () => <div className="h-40 animate-pulse rounded-lg bg-gray-100" />,
});
const PhonePreview = dynamic(() => import("./phone-preview").then((m) => m.PhonePreview), {
  ssr: false,
  loading: () => <div className="aspect-[9/16] animate-pulse rounded-[2rem] bg-gray-100" />,
});

type UnsavedPost = { key: string; draft: LocalDraft };

/** The composer (PRODUCT.md §4): Profiles, Media, Caption, TikTok settings, When, then send. */
export function ComposerForm(props: ComposerProps) {
  const { workspaceId, auditStatus, profiles, draft } = props;
  const router = useRouter();
  const resolver = useMemo(() => lazyComposeResolver(auditStatus), [auditStatus]);
  const form = useForm<ComposePostFormValues>({
    resolver,
    defaultValues: draft.values,
    shouldFocusError: false,
  });
  const formRef = useRef<HTMLFormElement>(null);
  const alertId = useId();
  const media = useComposerMedia(form, draft.media);
  const autosave = useAutosave({
    form,
    workspaceId,
    initialPostId: draft.postId,
    mediaRef: media.itemsRef,
    save: saveDraftAction,
    enabled: draft.lockedProfileIds.length === 0,
    onFirstSave: props.onSavedPost,
  });
  const submit = useComposeSubmit({
    form,
    formRef,
    alertId,
    autosave: autosave.controller,
    submit: submitPostAction,
    onSent: autosave.forget,
  });
  const [isUploading, setIsUploading] = useState(false);
  const [isRestored, setIsRestored] = useState(false);
  const errors = form.formState.errors;
  const [profileIds, coverIndex, caption, discloseContent, yourBrand, brandedContent] = useWatch({
    control: form.control,
    name: ["profileIds", "coverIndex", "caption", "discloseContent", "yourBrand", "brandedContent"],
  });

  // Text typed here before a crash, a closed tab or an offline save comes back from this browser.
  // A new post starts empty: a post left with unsaved edits is offered, never poured into it.
  const [unsaved, setUnsaved] = useState<UnsavedPost | null>(null);
  useEffect(() => {
    const storage = browserStorage();
    if (!draft.postId) {
      stashNewPost(storage, workspaceId);
      void findUnsavedPost(storage, workspaceId).then(setUnsaved);
      return;
    }
    void readLocalDraft(storage, localDraftKey(workspaceId, draft.postId), workspaceId).then(
      (local) => {
        if (!local || !shouldRestoreLocal(local, draft.savedAt)) return;
        restore(local);
      },
    );
    // Once, on mount: the server's draft is the starting point, the browser's copy may replace it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function restore(local: LocalDraft) {
    media.restore(local.media);
    form.reset({ ...local.values, workspaceId });
    autosave.controller.change();
    setIsRestored(true);
  }

  const [isContinuing, setIsContinuing] = useState(false);
  async function continueUnsaved() {
    if (!unsaved) return;
    setIsContinuing(true);
    // The left post's save may still be on the wire: once it lands the post has its server id,
    // and continuing reopens it rather than starting a second one.
    await leavingSave(workspaceId);
    // Compose pressed meanwhile: the new post stays.
    if (autosave.isLeft()) return;
    const storage = browserStorage();
    const left = (await readLocalDraft(storage, unsaved.key, workspaceId)) ?? unsaved.draft;
    removeStashedPost(storage, workspaceId);
    if (left.postId) return router.push(`/compose?post=${encodeURIComponent(left.postId)}`);
    restore(left);
    setUnsaved(null);
    setIsContinuing(false);
  }

  function discardUnsaved() {
    if (!unsaved) return;
    const storage = browserStorage();
    removeLocalDraft(storage, unsaved.key);
    removeStashedPost(storage, workspaceId);
    // A saved draft keeps its server copy (in Drafts); only this browser's edits go.
    if (unsaved.draft.postId)
      removeLocalDraft(storage, localDraftKey(workspaceId, unsaved.draft.postId));
    setUnsaved(null);
  }

  const disclosure = {
    discloseContent: !!discloseContent,
    yourBrand: !!yourBrand,
    brandedContent: !!brandedContent,
  };
  const { isBranded, isYourBrand } = readDisclosure(disclosure);
  const previewLabels = isBranded
    ? [disclosureTexts.paidPartnershipTag]
    : isYourBrand
      ? [disclosureTexts.promotionalTag]
      : [];
  const firstProfileId = [...draft.lockedProfileIds, ...(profileIds ?? [])][0];
  const chosenProfile = profiles.find((p) => p.id === firstProfileId);
  // Postproxy names TikTok profiles "@handle"; the preview puts TikTok's "@" itself.
  const previewProfile = chosenProfile
    ? { name: chosenProfile.name.replace(/^@/, ""), avatarUrl: chosenProfile.avatarUrl }
    : null;
  const mediaErrorTop = errorAt(errors, "media") ?? errorAt(errors, "media.root");
  const mediaByIndex = errorsByIndex(errors, "media", media.items.length);

  return (
    <FormProvider {...form}>
      <form
        ref={formRef}
        noValidate
        onSubmit={submit.onSubmit}
        className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_320px]"
      >
        <div className="min-w-0 space-y-5">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="text-sm font-medium text-gray-700" aria-live="polite">
              {media.format ? mediaTexts.formatName[media.format] : "Video or photo post"}
            </p>
            <SaveIndicator state={autosave.state} />
          </div>
          <FormAlert id={alertId} message={submit.message} />
          {unsaved && !form.formState.isDirty && media.items.length === 0 ? (
            <UnsavedPostOffer
              draft={unsaved.draft}
              isContinuing={isContinuing}
              onContinue={() => void continueUnsaved()}
              onDiscard={discardUnsaved}
            />
          ) : null}
          {draft.mediaNotice ? <Alert tone="warning">{draft.mediaNotice}</Alert> : null}
          {isRestored ? (
            <Alert tone="info">
              Restored the changes you made in this browser that had not been saved yet.
            </Alert>
          ) : null}
          <FormSection id="profiles" title="Profiles" description="The TikTok accounts to post to.">
            <ProfilePicker
              profiles={profiles}
              lockedProfileIds={draft.lockedProfileIds}
              loadError={props.profilesError}
            />
          </FormSection>
          <FormSection id="media" title="Media">
            <MediaField
              id="compose-media"
              items={media.items}
              coverIndex={coverIndex ?? null}
              format={media.format}
              workspaceId={workspaceId}
              onChange={media.change}
              onCoverChange={media.changeCover}
              onBusyChange={setIsUploading}
              errors={{
                top: mediaErrorTop ?? errorAt(errors, "coverIndex"),
                byIndex: mediaByIndex,
              }}
            />
          </FormSection>
          <FormSection id="caption" title="Caption" hideTitle>
            <Controller
              control={form.control}
              name="caption"
              render={({ field }) => (
                <CaptionField
                  id="compose-caption"
                  value={field.value ?? ""}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  ref={field.ref}
                  error={errorAt(errors, "caption")}
                />
              )}
            />
          </FormSection>
          <FormSection id="tiktok-settings" title="TikTok settings">
            <TikTokSettingsSection auditStatus={auditStatus} format={media.format} />
          </FormSection>
          <FormSection id="when" title="When">
            <WhenSection profiles={profiles} profilePostTimes={props.profilePostTimes} />
          </FormSection>
          <SubmitBar isBusy={isUploading} isPending={submit.isPending} />
        </div>
        <aside aria-label="Preview" className="lg:sticky lg:top-6">
          <h2 className="mb-2 text-sm font-medium text-gray-700">Preview</h2>
          <PhonePreview
            profile={previewProfile}
            format={media.format}
            media={media.items}
            coverIndex={coverIndex ?? null}
            caption={caption ?? ""}
            labels={previewLabels}
          />
        </aside>
      </form>
    </FormProvider>
  );
}
