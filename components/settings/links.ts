/** Where links elsewhere in the app (Home checklist, Profiles) land to put the user in a field. */
export const apiKeyFieldHash = "#apiKey";
export const settingsLinks = {
  apiKey: `/settings${apiKeyFieldHash}`,
  auditStatus: "/settings#audit-status",
  invite: "/settings/members#invite",
} as const;

/** Postproxy's page on creating API keys (full access, or scoped to one profile group). */
export const postproxyKeysUrl = "https://postproxy.dev/getting-started/authentication/";
