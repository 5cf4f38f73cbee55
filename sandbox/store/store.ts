import type {
  Platform,
  PlatformPostRecord,
  PostRecord,
  ProfileGroupRecord,
  ProfileRecord,
  SandboxState,
} from "./types";
import { emptyState } from "./types";

/** The whole sandbox state lives in one JSON-serialisable object; this wraps the lookups. */
export class Store {
  state: SandboxState = emptyState();
  private listeners: Array<() => void> = [];

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  markDirty(): void {
    for (const listener of this.listeners) listener();
  }

  replace(state: SandboxState): void {
    this.state = state;
    this.markDirty();
  }

  group(id: string): ProfileGroupRecord | undefined {
    return this.state.groups.find((g) => g.id === id);
  }

  firstGroup(): ProfileGroupRecord | undefined {
    return this.state.groups[0];
  }

  profile(id: string): ProfileRecord | undefined {
    return this.state.profiles.find((p) => p.id === id);
  }

  profilesOf(groupId: string): ProfileRecord[] {
    return this.state.profiles.filter((p) => p.groupId === groupId);
  }

  /** A network name selects the group's active profile of that network, else its first one. */
  profileByNetwork(groupId: string, platform: Platform): ProfileRecord | undefined {
    const candidates = this.profilesOf(groupId).filter((p) => p.platform === platform);
    return candidates.find((p) => p.status === "active") ?? candidates[0];
  }

  post(id: string): PostRecord | undefined {
    return this.state.posts.find((p) => p.id === id);
  }

  platformPost(
    postId: string,
    platformPostId: string,
  ): { post: PostRecord; platformPost: PlatformPostRecord } | undefined {
    const post = this.post(postId);
    const platformPost = post?.platformPosts.find((pp) => pp.id === platformPostId);
    return post && platformPost ? { post, platformPost } : undefined;
  }

  postCount(profileId: string): number {
    return this.state.posts.filter((p) => p.profileIds.includes(profileId)).length;
  }

  /** Posts this profile published up to `time`; feeds the profile's video_count. */
  publishedCount(profileId: string, time: number): number {
    let count = 0;
    for (const post of this.state.posts) {
      for (const pp of post.platformPosts) {
        if (pp.profileId === profileId && pp.publishedAt !== null && pp.publishedAt <= time)
          count++;
      }
    }
    return count;
  }
}
