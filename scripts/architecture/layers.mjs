// STYLE.md's layer diagram as data: each layer of app/, components/ and lib/ with the layers it
// may import. eslint.config.mjs turns it into import/no-restricted-paths zones; check.ts fails
// when lib/ holds a folder or file that no layer names. Paths are relative to the project root.

/** Client-safe leaves every layer may use. */
const leaves = ["lib/validation", "lib/tiktok", "lib/format", "lib/errors.ts", "lib/utils.ts"];
/** Server-side leaves every server layer may use. */
const serverLeaves = [...leaves, "lib/env.ts", "lib/log.ts"];

export const layers = {
  app: {
    path: "app",
    server: false,
    imports: [
      "components",
      "lib/actions",
      "lib/data",
      "lib/auth",
      "lib/publishing",
      "lib/integrations",
      "lib/media",
      "lib/mail",
      "lib/hooks",
      "lib/routing",
      "lib/toast.ts",
      "lib/log.ts",
      ...leaves,
    ],
  },
  // Route handlers: as app/, minus the UI.
  "app/api": {
    path: "app/api",
    server: true,
    imports: [
      "lib/data",
      "lib/auth",
      "lib/publishing",
      "lib/integrations",
      "lib/media",
      ...serverLeaves,
    ],
  },
  components: {
    path: "components",
    server: false,
    // Client components call server actions by reference; nothing else server-side.
    imports: ["lib/actions", "lib/hooks", "lib/routing", "lib/toast.ts", ...leaves],
  },
  "components/ui": { path: "components/ui", server: false, imports: ["lib/toast.ts", ...leaves] },
  "lib/hooks": { path: "lib/hooks", server: false, imports: ["lib/toast.ts", ...leaves] },
  "lib/toast.ts": { path: "lib/toast.ts", server: false, imports: [] },
  "lib/routing": { path: "lib/routing", server: false, imports: [] },
  "lib/validation": {
    path: "lib/validation",
    server: false,
    imports: ["lib/tiktok", "lib/errors.ts"],
  },
  "lib/tiktok": {
    path: "lib/tiktok",
    server: false,
    imports: ["lib/validation", "lib/format", "lib/errors.ts"],
  },
  // Formatting names the statuses and zones that lib/validation defines (types and client-safe checks).
  "lib/format": { path: "lib/format", server: false, imports: ["lib/validation"] },
  "lib/errors.ts": { path: "lib/errors.ts", server: false, imports: [] },
  "lib/utils.ts": { path: "lib/utils.ts", server: false, imports: ["lib/tw-merge.generated.ts"] },
  "lib/tw-merge.generated.ts": { path: "lib/tw-merge.generated.ts", server: false, imports: [] },
  "lib/actions": {
    path: "lib/actions",
    server: true,
    imports: [
      "lib/publishing",
      "lib/integrations",
      "lib/data",
      "lib/media",
      "lib/auth",
      "lib/mail",
      "lib/db",
      ...serverLeaves,
    ],
  },
  "lib/publishing": {
    path: "lib/publishing",
    server: true,
    imports: [
      "lib/integrations",
      "lib/postproxy",
      "lib/data",
      "lib/media",
      "lib/db",
      // Alerts go out by email from the outbox drain.
      "lib/mail",
      // The alert webhook's SSRF-safe sender.
      "lib/security",
      ...serverLeaves,
    ],
  },
  "lib/integrations": {
    path: "lib/integrations",
    server: true,
    imports: ["lib/postproxy", "lib/data", "lib/media", ...serverLeaves],
  },
  "lib/media": {
    path: "lib/media",
    server: true,
    imports: ["lib/data", "lib/db", "lib/auth", "lib/security", ...serverLeaves],
  },
  "lib/auth": {
    path: "lib/auth",
    server: true,
    imports: ["lib/data", "lib/db", "lib/security", "lib/routing", ...serverLeaves],
  },
  "lib/startup": {
    path: "lib/startup",
    server: true,
    imports: ["lib/auth", "lib/db", ...serverLeaves],
  },
  "lib/mail": { path: "lib/mail", server: true, imports: serverLeaves },
  "lib/data": {
    path: "lib/data",
    server: true,
    // lib/auth/password.ts only (hashing): allowed by an `except` in the zone.
    imports: ["lib/db", "lib/security", ...serverLeaves],
  },
  "lib/db": { path: "lib/db", server: true, imports: ["lib/security", ...serverLeaves] },
  "lib/postproxy": {
    path: "lib/postproxy",
    server: true,
    imports: ["lib/errors.ts", "lib/log.ts"],
  },
  "lib/security": { path: "lib/security", server: true, imports: ["lib/env.ts"] },
  "lib/env.ts": { path: "lib/env.ts", server: true, imports: [] },
  "lib/log.ts": { path: "lib/log.ts", server: true, imports: [] },
  // Test helpers reach any layer (they set up what tests need).
  "lib/test": { path: "lib/test", server: false, imports: "*" },
};

/** Imports outside the diagram, each with its reason. Keyed "target layer": [{ from, except }]. */
export const exceptions = {
  // Users are created with a hashed password; hashing has no database and no session.
  "lib/data": [{ from: "lib/auth", except: ["./password.ts"] }],
  // The demo seed signs up a user and stores an encrypted key like the app does.
  "lib/db": [{ from: "lib/auth", except: ["./password.ts"] }],
};

/** Files that are server modules yet cannot import "server-only", with the reason. */
export const serverOnlyExempt = {
  // drizzle-kit loads the schema outside Next's react-server condition.
  "lib/db/schema/": "drizzle-kit reads the schema in plain Node",
};
