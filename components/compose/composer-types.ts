import type { MediaCardData } from "@/components/media/types";
import type { ComposeProfile } from "@/lib/tiktok/compose-profile";
import type { AuditStatus } from "@/lib/validation/enums";
import type { ComposePostFormValues } from "@/lib/validation/post";

/** What the compose page reads on the server and hands to the client form. */
export type ComposerProps = {
  workspaceId: string;
  auditStatus: AuditStatus;
  profiles: ComposeProfile[];
  profilesError: string | null;
  /** ISO times of each profile's scheduled and published posts, for the 15-a-day warning. */
  profilePostTimes: Record<string, string[]>;
  draft: {
    postId?: string;
    values: ComposePostFormValues;
    media: MediaCardData[];
    /** Profiles a resubmitted post already went to: shown checked, cannot be unpicked. */
    lockedProfileIds: string[];
    savedAt?: string;
    /** Files the post named that are gone or unusable (deleted from the library, another
     *  workspace's), said once above the form so nothing disappears silently. */
    mediaNotice?: string | null;
  };
  /** What a new post starts with ("Compose" pressed on the composer starts one at once). */
  newPostValues: ComposePostFormValues;
  /** The mounted form's first save gave its post this id. */
  onSavedPost?(postId: string): void;
  /** `?media=` preset a file: a copy of an older new post in this browser must not replace it. */
  hasPresetMedia?: boolean;
};
