import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The layers of STYLE.md, checked on resolved paths (aliases and relative imports alike).
const serverOnly = [
  "./lib/db",
  "./lib/data",
  "./lib/postproxy",
  "./lib/env.ts",
  "./lib/security",
  "./lib/auth",
  "./lib/integrations",
  "./lib/log.ts",
  "./lib/startup",
  "./lib/media/server",
  "./lib/publishing",
];
const clientSafe = [
  "./components",
  "./lib/hooks",
  "./lib/validation",
  "./lib/tiktok",
  "./lib/format",
];
const tests = ["**/*.test.ts", "**/test-support/**", "./lib/test/**"];

const layering = {
  "import/no-restricted-paths": [
    "error",
    {
      zones: [
        {
          target: clientSafe,
          from: serverOnly,
          message: "Client-safe code must not import server modules (STYLE.md, Layers).",
        },
        {
          target: ["./lib/validation", "./lib/tiktok"],
          from: ["./lib/actions", "./lib/media", "./components", "./app"],
          message: "Shared rules and schemas import nothing server-side or UI.",
        },
        {
          target: "./app",
          from: ["./lib/db", "./lib/postproxy", "./lib/env.ts", "./lib/security"],
          message:
            "app/ reaches the database and Postproxy only through lib/data, lib/actions or lib/auth.",
        },
        {
          target: ["./app", "./components", "./lib", "./instrumentation.ts"],
          from: "./sandbox",
          except: [],
          message: "The app never imports the Postproxy sandbox.",
        },
        {
          target: "./sandbox",
          from: ["./lib", "./app", "./components"],
          message: "The sandbox is standalone: it imports nothing of the app.",
        },
      ],
    },
  ],
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    settings: { "import/resolver": { typescript: { project: "./tsconfig.json" }, node: true } },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "warn",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      ...layering,
    },
  },
  {
    // The first-load budget (250 kB): sonner and next-auth's client load on demand only.
    files: ["app/**", "components/**", "lib/**"],
    ignores: ["components/ui/toast.ts", "components/ui/toaster.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "sonner",
              message:
                'Import { toast } from "@/components/ui/toast": it loads sonner and mounts the Toaster on the first toast.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  // Tests and scripts may start the sandbox and reach any layer.
  { files: [...tests, "scripts/**", "e2e/**"], rules: { "import/no-restricted-paths": "off" } },
  {
    ignores: [
      ".next/**",
      ".data/**",
      "node_modules/**",
      "drizzle/**",
      "test-results/**",
      "playwright-report/**",
    ],
  },
];
export default config;
