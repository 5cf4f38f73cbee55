/** Every piece of deferred work is plain data, so it survives a restart with the state file. */
export type Job =
  | { kind: "media.process"; postId: string }
  | { kind: "post.dispatch"; postId: string }
  | { kind: "post.processed"; postId: string }
  | { kind: "platform.publish"; postId: string; platformPostId: string }
  | { kind: "platform.public_id"; postId: string; platformPostId: string }
  | { kind: "platform.delete"; postId: string; platformPostId: string }
  | { kind: "post.insights"; postId: string; platformPostId: string; index: number }
  | { kind: "profile.stats"; profileId: string; index: number }
  | {
      kind: "webhook.attempt";
      webhookId: string;
      eventId: string;
      eventType: string;
      body: string;
      attempt: number;
    };

export type JobKind = Job["kind"];
export type JobOf<K extends JobKind> = Extract<Job, { kind: K }>;
export type JobHandlers = { [K in JobKind]: (job: JobOf<K>) => Promise<void> | void };
