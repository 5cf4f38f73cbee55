import { AlertCircle, CheckCircle2, Info, TriangleAlert } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

const tones = {
  error: { className: "border-danger-200 bg-danger-50 text-danger-800", icon: AlertCircle },
  success: { className: "border-green-200 bg-green-50 text-green-800", icon: CheckCircle2 },
  warning: { className: "border-amber-200 bg-amber-50 text-amber-900", icon: TriangleAlert },
  info: { className: "border-sky-200 bg-sky-50 text-sky-900", icon: Info },
};

/** Errors are announced at once (role=alert); the other tones politely. */
export function Alert({
  tone = "info",
  children,
  className,
  id,
  focusable,
}: {
  tone?: keyof typeof tones;
  children: ReactNode;
  className?: string;
  id?: string;
  /** Lets a form move focus here after a failed submit with no field to point at. */
  focusable?: boolean;
}) {
  const { className: toneClass, icon: Icon } = tones[tone];
  return (
    <div
      id={id}
      tabIndex={focusable ? -1 : undefined}
      role={tone === "error" ? "alert" : "status"}
      className={cn("flex gap-3 rounded-md border px-4 py-3 text-sm", toneClass, className)}
    >
      <Icon className="mt-0.5 size-4 shrink-0" aria-hidden />
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  );
}

/** The form-level error of a failed submit, focusable so the form can move focus to it. */
export function FormAlert({ id, message }: { id: string; message?: string | null }) {
  if (!message) return null;
  return (
    <Alert tone="error" id={id} focusable>
      {message}
    </Alert>
  );
}
