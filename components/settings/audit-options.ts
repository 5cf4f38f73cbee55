import type { AuditStatus } from "@/lib/validation/enums";

export const auditLabels: Record<AuditStatus, string> = {
  audited: "Audited",
  unaudited: "Unaudited",
  unknown: "Unknown",
};

export const auditOptions: { value: AuditStatus; label: string; help: string }[] = [
  {
    value: "audited",
    label: auditLabels.audited,
    help: "TikTok has audited your app: posts may be public, and every privacy option is offered.",
  },
  {
    value: "unaudited",
    label: auditLabels.unaudited,
    help: "TikTok accepts only private posts from your app: the composer offers only “Only me”.",
  },
  {
    value: "unknown",
    label: auditLabels.unknown,
    help: "Every option is offered, with a warning that public posts fail if the app is unaudited.",
  },
];
