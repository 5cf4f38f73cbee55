// Architecture checks ESLint cannot express: every lib/ entry sits in the layer diagram, every
// server module imports "server-only", and no import cycle exists (type-only and lazy imports
// included: they tie two files together as much as a value import does).
// Run: node scripts/architecture/check.mjs (part of `npm run lint`).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { layers, serverOnlyExempt } from "./layers.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const skipDirs = new Set(["node_modules", ".next", ".data", "test-results", "playwright-report"]);
const isTest = (rel) => /\.test\.tsx?$|(^|\/)test-support\//.test(rel);

function listFiles(dir) {
  const out = [];
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    if (skipDirs.has(entry.name) || entry.name.startsWith(".")) continue;
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...listFiles(rel));
    else if (/\.(ts|tsx|mjs)$/.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(rel);
  }
  return out;
}

/** lib/ entries (folders and files, tests aside) that no layer names. */
export function unknownLibEntries(names = readdirSync(path.join(root, "lib"))) {
  return names.map((n) => `lib/${n}`).filter((n) => !isTest(n) && !layers[n]);
}

/** Server modules (files of a server layer of lib/) that lack `import "server-only"`. */
export function missingServerOnly() {
  const missing = [];
  for (const layer of Object.values(layers)) {
    if (!layer.server || !layer.path.startsWith("lib/")) continue;
    const full = path.join(root, layer.path);
    const files = statSync(full).isDirectory() ? listFiles(layer.path) : [layer.path];
    for (const rel of files) {
      if (isTest(rel) || Object.keys(serverOnlyExempt).some((p) => rel.startsWith(p))) continue;
      const source = readFileSync(path.join(root, rel), "utf8");
      const isServerEntry = /^\s*["']use server["'];?/.test(source);
      if (!isServerEntry && !/^import ["']server-only["'];?$/m.test(source)) missing.push(rel);
    }
  }
  return missing;
}

const importPattern =
  /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function resolveImport(fromRel, specifier) {
  let base;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith("."))
    base = path.posix.join(path.posix.dirname(fromRel), specifier);
  else return null;
  for (const suffix of ["", ".ts", ".tsx", ".mjs", "/index.ts", "/index.tsx"]) {
    const candidate = base + suffix;
    const full = path.join(root, candidate);
    if (existsSync(full) && statSync(full).isFile()) return candidate;
  }
  return null;
}

/** The project's import graph: file → files it imports (any kind of import). */
export function importGraph(dirs = ["app", "components", "lib", "sandbox", "scripts", "e2e"]) {
  const graph = new Map();
  for (const rel of dirs.flatMap(listFiles)) {
    const source = readFileSync(path.join(root, rel), "utf8");
    const targets = new Set();
    for (const m of source.matchAll(importPattern)) {
      const target = resolveImport(rel, m[1] ?? m[2]);
      if (target && target !== rel) targets.add(target);
    }
    graph.set(rel, [...targets]);
  }
  return graph;
}

/** Strongly connected components with more than one file (Tarjan): each is an import cycle. */
export function findCycles(graph) {
  let index = 0;
  const indices = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const cycles = [];
  const visit = (node) => {
    indices.set(node, index);
    low.set(node, index++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indices.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node), indices.get(next)));
    }
    if (low.get(node) !== indices.get(node)) return;
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) cycles.push(component.sort());
  };
  for (const node of graph.keys()) if (!indices.has(node)) visit(node);
  return cycles;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const problems = [
    ...unknownLibEntries().map(
      (n) => `${n}: not in the layer diagram (scripts/architecture/layers.mjs)`,
    ),
    ...missingServerOnly().map((f) => `${f}: a server module without import "server-only"`),
    ...findCycles(importGraph()).map((c) => `import cycle: ${c.join(" ↔ ")}`),
  ];
  for (const p of problems) console.error(p);
  if (problems.length) process.exit(1);
  console.log("architecture: layers, server-only and import cycles OK");
}
