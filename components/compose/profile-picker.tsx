"use client";

import Link from "next/link";
import { useController, useFormContext } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { StatusBadge } from "@/components/ui/status-badge";
import { profileStatusLooks } from "@/lib/format/status";
import {
  groupComposeProfiles,
  isPickableProfile,
  type ComposeProfile,
} from "@/lib/tiktok/compose-profile";
import type { ComposePostFormValues } from "@/lib/validation/post";
import { profileTexts } from "@/lib/tiktok/texts";
import { cn } from "@/lib/utils";
import { errorAt } from "./form-errors";
import { ProfileAvatar } from "@/components/profiles/profile-avatar";

/**
 * §4.1: TikTok profiles by group. Expired or inactive ones cannot be picked and link to
 * reconnecting; profiles a resubmitted post already went to stay checked and locked.
 */
export function ProfilePicker({
  profiles,
  lockedProfileIds,
  loadError,
}: {
  profiles: ComposeProfile[];
  lockedProfileIds: string[];
  loadError: string | null;
}) {
  const { control, formState } = useFormContext<ComposePostFormValues>();
  const { field } = useController({ control, name: "profileIds" });
  const chosen = field.value ?? [];
  const error = errorAt(formState.errors, "profileIds");
  const groups = groupComposeProfiles(profiles);
  const firstPickable = profiles.find(
    (p) => isPickableProfile(p) && !lockedProfileIds.includes(p.id),
  )?.id;

  function toggle(id: string, isChecked: boolean) {
    field.onChange(isChecked ? [...chosen, id] : chosen.filter((c) => c !== id));
  }

  if (loadError === profileTexts.loading) {
    return (
      <p role="status" className="text-sm text-gray-600">
        {loadError}
      </p>
    );
  }
  if (loadError) {
    return (
      <Alert tone="error">
        {loadError}{" "}
        <Link href="/compose" className="font-medium underline">
          Try again
        </Link>
      </Alert>
    );
  }
  if (profiles.length === 0) {
    return (
      <Alert tone="info">
        No TikTok profile is connected to your Postproxy account yet.{" "}
        <Link href="/profiles" className="font-medium underline">
          Connect one in Profiles
        </Link>
      </Alert>
    );
  }
  return (
    <fieldset aria-describedby="compose-profiles-error" className="space-y-4">
      <legend className="sr-only">TikTok profiles to post to</legend>
      {groups.map((group) => (
        <div key={group.groupId} className="space-y-2">
          <h3 className="text-xs font-semibold tracking-wide text-gray-600 uppercase">
            {group.groupName}
          </h3>
          <ul className="grid gap-2 sm:grid-cols-2">
            {group.profiles.map((profile) => {
              const isLocked = lockedProfileIds.includes(profile.id);
              const isPickable = isPickableProfile(profile) && !isLocked;
              const isChecked = isLocked || chosen.includes(profile.id);
              const id = `compose-profile-${profile.id}`;
              const itemError = errorAt(
                formState.errors,
                `profileIds.${chosen.indexOf(profile.id)}`,
              );
              return (
                <li
                  key={profile.id}
                  className={cn(
                    "flex items-center gap-3 rounded-md border p-3",
                    isChecked ? "border-accent-700 bg-accent-50" : "border-gray-200 bg-white",
                  )}
                >
                  <input
                    ref={profile.id === firstPickable ? field.ref : undefined}
                    id={id}
                    type="checkbox"
                    checked={isChecked}
                    disabled={!isPickable}
                    onChange={(e) => toggle(profile.id, e.target.checked)}
                    aria-invalid={(error || itemError) && isPickable ? true : undefined}
                    aria-describedby={`${id}-status`}
                    className="size-4 shrink-0 accent-accent-700"
                  />
                  <ProfileAvatar name={profile.name} avatarUrl={profile.avatarUrl} />
                  <div className="min-w-0 flex-1">
                    <label
                      htmlFor={id}
                      className="block truncate text-sm font-medium text-gray-900"
                    >
                      {profile.name}
                    </label>
                    <p id={`${id}-status`} className="flex flex-wrap items-center gap-x-2 text-xs">
                      {isLocked ? (
                        <Badge tone="accent">Already sent</Badge>
                      ) : (
                        <StatusBadge look={profileStatusLooks[profile.status]} />
                      )}
                      {!isPickableProfile(profile) ? (
                        <Link href="/profiles" className="font-medium text-accent-700 underline">
                          Reconnect
                        </Link>
                      ) : null}
                    </p>
                    {itemError ? <p className="text-xs text-danger-700">{itemError}</p> : null}
                  </div>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
      <p
        id="compose-profiles-error"
        aria-live="polite"
        className="text-sm text-danger-700 empty:hidden"
      >
        {error}
      </p>
    </fieldset>
  );
}
