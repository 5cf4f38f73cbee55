import type { SandboxContext } from "../core/context";
import { applyFaultInput, type FaultInput } from "../faults/faults";
import { emptyState } from "../store/types";
import { scheduleSeedJobs } from "./schedule";
import { buildSeedState } from "./seed";

export interface ResetOptions {
  seed: boolean;
  faults?: FaultInput;
}

/** Back to the start: real time, seed data (or nothing), the faults given at startup. */
export async function resetSandbox(ctx: SandboxContext, options: ResetOptions): Promise<void> {
  await ctx.scheduler.exclusive(async () => {
    ctx.clock.reset();
    ctx.store.replace(options.seed ? buildSeedState(ctx.clock.now()) : emptyState());
    ctx.faults.reset();
    if (options.faults) applyFaultInput(ctx.faults.state, options.faults);
    await ctx.storage.clearFiles();
    if (options.seed) scheduleSeedJobs(ctx);
  });
}
