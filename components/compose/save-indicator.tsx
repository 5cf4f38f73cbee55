import { Check, CloudOff, Loader2 } from "lucide-react";
import type { AutosaveState } from "./use-autosave";

/** "Saving…" / "Saved" / "Couldn't save — retrying", announced politely. */
export function SaveIndicator({ state }: { state: AutosaveState }) {
  return (
    <p
      role="status"
      aria-live="polite"
      className="flex min-h-5 items-center gap-1.5 text-sm text-gray-600"
      data-testid="save-indicator"
    >
      {state.status === "saving" ? (
        <>
          <Loader2 className="size-4 animate-spin" aria-hidden /> Saving…
        </>
      ) : null}
      {state.status === "saved" ? (
        <>
          <Check className="size-4 text-green-700" aria-hidden /> Saved
        </>
      ) : null}
      {state.status === "retrying" ? (
        <>
          <CloudOff className="size-4 text-amber-700" aria-hidden /> Couldn&apos;t save — retrying.
          Your text is kept in this browser meanwhile.
        </>
      ) : null}
      {state.status === "failed" ? (
        <span className="text-danger-700">Couldn&apos;t save the draft. {state.message}</span>
      ) : null}
    </p>
  );
}
