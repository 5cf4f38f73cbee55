import { z } from "zod";
import { mulberry32, type Random } from "../core/prng";

const countOrObject = <T extends z.ZodRawShape>(shape: T) =>
  z.union([z.number().int().min(0), z.object({ count: z.number().int().min(0), ...shape })]);

/** Body of `POST /__sandbox/faults`; every field optional, numbers are shorthands for `{count}`. */
export const faultInputSchema = z
  .object({
    latencyMs: z.number().int().min(0).max(120_000),
    errorRate: z.number().min(0).max(1),
    failNext: countOrObject({
      status: z.number().int().min(500).max(599).optional(),
      afterHandling: z.boolean().optional(),
    }),
    rateLimitNext: countOrObject({ retryAfter: z.number().int().min(0).optional() }),
    rateLimitPerMinute: z.number().int().min(1).nullable(),
    hangNext: countOrObject({ afterHandling: z.boolean().optional() }),
    hangPaths: z.array(z.string().min(1)),
    unauditedProfileIds: z.array(z.string()),
    publishFailNext: z.number().int().min(0),
  })
  .partial()
  .strict();

export type FaultInput = z.infer<typeof faultInputSchema>;

export interface FaultState {
  latencyMs: number;
  errorRate: number;
  failNext: { count: number; status: number; afterHandling: boolean };
  rateLimitNext: { count: number; retryAfter: number };
  rateLimitPerMinute: number | null;
  hangNext: { count: number; afterHandling: boolean };
  hangPaths: string[];
  /** Profiles whose TikTok app is unaudited: anything but SELF_ONLY fails at publish. */
  unauditedProfileIds: string[];
  /** Next N platform publish attempts fail transiently (failed_waiting_for_retry). */
  publishFailNext: number;
}

function defaultFaults(): FaultState {
  return {
    latencyMs: 0,
    errorRate: 0,
    failNext: { count: 0, status: 500, afterHandling: false },
    rateLimitNext: { count: 0, retryAfter: 1 },
    rateLimitPerMinute: null,
    hangNext: { count: 0, afterHandling: false },
    hangPaths: [],
    unauditedProfileIds: [],
    publishFailNext: 0,
  };
}

export function applyFaultInput(state: FaultState, input: FaultInput): void {
  if (input.latencyMs !== undefined) state.latencyMs = input.latencyMs;
  if (input.errorRate !== undefined) state.errorRate = input.errorRate;
  if (input.failNext !== undefined) {
    const v = typeof input.failNext === "number" ? { count: input.failNext } : input.failNext;
    state.failNext = {
      count: v.count,
      status: v.status ?? 500,
      afterHandling: v.afterHandling ?? false,
    };
  }
  if (input.rateLimitNext !== undefined) {
    const v =
      typeof input.rateLimitNext === "number"
        ? { count: input.rateLimitNext }
        : input.rateLimitNext;
    state.rateLimitNext = { count: v.count, retryAfter: v.retryAfter ?? 1 };
  }
  if (input.rateLimitPerMinute !== undefined) state.rateLimitPerMinute = input.rateLimitPerMinute;
  if (input.hangNext !== undefined) {
    const v = typeof input.hangNext === "number" ? { count: input.hangNext } : input.hangNext;
    state.hangNext = { count: v.count, afterHandling: v.afterHandling ?? false };
  }
  if (input.hangPaths !== undefined) state.hangPaths = input.hangPaths;
  if (input.unauditedProfileIds !== undefined)
    state.unauditedProfileIds = input.unauditedProfileIds;
  if (input.publishFailNext !== undefined) state.publishFailNext = input.publishFailNext;
}

/** Holds the switches plus the seeded random stream used by `errorRate`. */
export class Faults {
  state: FaultState = defaultFaults();
  private random: Random = mulberry32(42);
  private recent: number[] = [];

  reset(): void {
    this.state = defaultFaults();
    this.random = mulberry32(42);
    this.recent = [];
  }

  rollError(): boolean {
    return this.state.errorRate > 0 && this.random() < this.state.errorRate;
  }

  /** Sliding one-minute window; returns the seconds to wait when over the limit. */
  overRateLimit(now: number): number | null {
    const limit = this.state.rateLimitPerMinute;
    if (limit === null) return null;
    this.recent = this.recent.filter((t) => t > now - 60_000);
    if (this.recent.length >= limit) {
      const oldest = this.recent[0] ?? now;
      return Math.max(1, Math.ceil((oldest + 60_000 - now) / 1000));
    }
    this.recent.push(now);
    return null;
  }

  matchesHangPath(method: string, path: string): boolean {
    return this.state.hangPaths.some((pattern) => matchPattern(pattern, method, path));
  }

  isUnaudited(profileId: string): boolean {
    return this.state.unauditedProfileIds.includes(profileId);
  }

  takePublishFailure(): boolean {
    if (this.state.publishFailNext <= 0) return false;
    this.state.publishFailNext -= 1;
    return true;
  }
}

/** Patterns look like "/api/posts*" or "POST /api/posts*"; `*` matches anything. */
function matchPattern(pattern: string, method: string, path: string): boolean {
  const [first, second] = pattern.trim().split(/\s+/, 2);
  const methodPart = second ? first?.toUpperCase() : undefined;
  const pathPart = second ?? first ?? "";
  if (methodPart && methodPart !== method.toUpperCase()) return false;
  const regex = new RegExp(`^${pathPart.split("*").map(escapeRegex).join(".*")}$`);
  return regex.test(path);
}

function escapeRegex(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
}
