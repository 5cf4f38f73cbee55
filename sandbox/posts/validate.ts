import { isHttpUrl } from "../core/urls";
import type { Store } from "../store/store";
import { isPlatform, type ProfileRecord } from "../store/types";
import { validateTikTokRequest } from "../tiktok/validate-request";
import type { MediaSource } from "./input";

/** The post as it would be after this request: what the 422 checks look at. */
export interface PostCandidate {
  body: string;
  scheduledAt: string | null;
  profiles: ProfileRecord[];
  mediaCount: number;
  /** URLs this request adds (kept media were checked when they came in). */
  mediaUrls: string[];
  platforms: Record<string, Record<string, unknown>>;
  threadCount: number;
  queueId: string | null;
  queuePriority: string | null;
}

const THREAD_NETWORKS = new Set(["twitter", "threads", "bluesky"]);
const QUEUE_PRIORITIES = new Set(["high", "medium", "low"]);

/** Ids or network names, looked up inside the scoped group only. */
export function resolveProfiles(
  store: Store,
  groupId: string,
  refs: string[],
): { profiles: ProfileRecord[]; errors: string[] } {
  const profiles: ProfileRecord[] = [];
  const errors: string[] = [];
  for (const ref of refs) {
    const profile = isPlatform(ref) ? store.profileByNetwork(groupId, ref) : store.profile(ref);
    if (!profile || profile.groupId !== groupId) errors.push(`Profile not found for ${ref}`);
    else if (!profiles.includes(profile)) profiles.push(profile);
  }
  return { profiles, errors };
}

export function parseScheduledAt(value: string | null): number | null {
  if (value === null) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? Number.NaN : time;
}

export function validateCandidate(candidate: PostCandidate): string[] {
  const errors: string[] = [];
  if (candidate.profiles.length === 0) errors.push("Profiles can't be blank");
  if (Number.isNaN(parseScheduledAt(candidate.scheduledAt))) {
    errors.push("Scheduled at must be an ISO 8601 time");
  }
  if (candidate.queueId !== null) {
    if (candidate.scheduledAt !== null) errors.push("Cannot set both scheduled_at and queue_id");
    // Queues are outside what the sandbox emulates.
    errors.push(`Queue not found for ${candidate.queueId}`);
  }
  if (candidate.queuePriority !== null && !QUEUE_PRIORITIES.has(candidate.queuePriority)) {
    errors.push("Queue priority must be one of high, medium, low");
  }
  for (const [network, params] of Object.entries(candidate.platforms)) {
    if (!isPlatform(network)) errors.push(`Unknown platform: ${network}`);
    else if (typeof params !== "object" || params === null || Array.isArray(params)) {
      errors.push(`Invalid platform params for ${network}`);
    }
  }
  for (const url of candidate.mediaUrls) {
    if (!isHttpUrl(url)) errors.push(`Invalid media URL: ${url}`);
  }
  const networks = new Set(candidate.profiles.map((p) => p.platform));
  for (const network of networks) errors.push(...networkErrors(network, candidate));
  return errors;
}

function networkErrors(network: string, candidate: PostCandidate): string[] {
  if (network === "tiktok") {
    return validateTikTokRequest({
      body: candidate.body,
      mediaCount: candidate.mediaCount,
      params: candidate.platforms.tiktok,
      hasThread: candidate.threadCount > 0,
    });
  }
  const errors: string[] = [];
  if (candidate.threadCount > 0 && !THREAD_NETWORKS.has(network)) {
    errors.push(`Threads are not supported for ${network}`);
  }
  if (network === "instagram") {
    if (candidate.mediaCount === 0) errors.push("Media is required for instagram");
    if (candidate.body.length > 2200) {
      errors.push("Body is too long for instagram (maximum is 2200 characters)");
    }
  }
  return errors;
}

export function urlsOf(sources: MediaSource[] | undefined): string[] {
  return (sources ?? []).flatMap((s) => (s.kind === "url" ? [s.url] : []));
}
