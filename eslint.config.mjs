import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

import { readdirSync } from "node:fs";
import { exceptions, layers } from "./scripts/architecture/layers.mjs";

// STYLE.md's layers (scripts/architecture/layers.mjs), checked on resolved paths (aliases and
// relative imports alike). A lib/ entry that no layer names stops lint here, so a new folder
// cannot slip past the diagram.
const unknownLib = readdirSync(new URL("./lib", import.meta.url), { withFileTypes: true })
  .map((e) => `lib/${e.name}`)
  .filter((name) => !/\.test\.tsx?$/.test(name) && !layers[name]);
if (unknownLib.length) {
  throw new Error(
    `${unknownLib.join(", ")}: not in the layer diagram. Add to scripts/architecture/layers.mjs.`,
  );
}

const paths = Object.values(layers).map((l) => l.path);
const isWithin = (p, dir) => p === dir || p.startsWith(`${dir}/`);

function layerZones() {
  const zones = [];
  for (const [name, layer] of Object.entries(layers)) {
    if (layer.imports === "*") continue;
    const allowed = layer.imports;
    const from = paths.filter(
      (p) =>
        !isWithin(p, layer.path) &&
        !isWithin(layer.path, p) &&
        !allowed.some((a) => isWithin(p, a)) &&
        !(exceptions[name] ?? []).some((e) => e.from === p),
    );
    zones.push({
      target: `./${layer.path}`,
      from: from.map((p) => `./${p}`),
      message: `${name} may import only ${allowed.join(", ") || "nothing of the app"} (STYLE.md, Layers).`,
    });
    for (const e of exceptions[name] ?? []) {
      zones.push({
        target: `./${layer.path}`,
        from: `./${e.from}`,
        except: e.except,
        message: `${name} takes only ${e.except.join(", ")} from ${e.from} (STYLE.md, Layers).`,
      });
    }
  }
  return zones;
}

const tests = ["**/*.test.ts", "**/test-support/**", "./lib/test/**"];

const layering = {
  "import/no-restricted-paths": [
    "error",
    {
      zones: [
        ...layerZones(),
        {
          target: "./components/ui",
          from: "./components",
          except: ["./ui"],
          message: "UI primitives import no feature components.",
        },
        {
          target: ["./app", "./components", "./lib", "./instrumentation.ts", "./proxy.ts"],
          from: "./sandbox",
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
  "import/no-cycle": ["error", { ignoreExternal: true }],
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    settings: {
      "import/resolver": { typescript: { project: "./tsconfig.json" }, node: true },
      "import/ignore": ["node_modules"],
    },
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
    ignores: ["lib/toast.ts", "components/ui/toaster.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "sonner",
              message:
                'Import { toast } from "@/lib/toast": it loads sonner and mounts the Toaster on the first toast.',
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
