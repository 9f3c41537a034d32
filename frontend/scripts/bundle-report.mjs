// Prints the first-load JavaScript of every app route after `next build`, gzip-compressed,
// and fails when a budgeted route is over. Next.js 16 no longer prints these sizes itself.
//
// First load = the root main files every page needs + the client chunks of the route's own
// segments (layouts, page, loading, error, not-found). Legacy polyfills are left out: modern
// browsers skip them (nomodule).
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { gzipSync } from "node:zlib";

// The Next.js 16 + React 19 runtime alone is ~132 kB gzip: an empty app with the same versions
// (one server page saying "Hello") measures 131.7 kB with this script, and the /_global-error
// row shows the same floor here. A 120 kB total is out of reach; the public pages keep about
// 11 kB (home) and 14.5 kB (article) of this app's own code, with ~2 kB of headroom each.
const BUDGET_KB = { "/[locale]": 147, "/[locale]/articles/[slug]": 149 };
const next = ".next";

if (!existsSync(join(next, "build-manifest.json"))) {
  console.error("perf:bundle: no build output; run `npm run build` first.");
  process.exit(1);
}

const buildManifest = JSON.parse(readFileSync(join(next, "build-manifest.json"), "utf8"));
const gzipSize = new Map();
const sizeOf = (file) => {
  if (!gzipSize.has(file)) gzipSize.set(file, gzipSync(readFileSync(join(next, file))).length);
  return gzipSize.get(file);
};

function* manifests(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* manifests(path);
    else if (entry.name === "page_client-reference-manifest.js") yield path;
  }
}

const appDir = join(next, "server", "app");
const rows = [];
for (const file of manifests(appDir)) {
  globalThis.__RSC_MANIFEST = {};
  // The manifest is a script that assigns to globalThis; evaluate it without require's cache.
  new Function(readFileSync(file, "utf8"))();
  const manifest = Object.values(globalThis.__RSC_MANIFEST)[0];
  const segmentDir = relative(appDir, file).split(sep).slice(0, -1);
  const route = "/" + segmentDir.filter((part) => !/^\(.*\)$/.test(part)).join("/");
  const files = new Set(buildManifest.rootMainFiles);
  for (const chunks of Object.values(manifest.entryJSFiles))
    chunks.forEach((chunk) => files.add(chunk));
  const bytes = [...files].reduce((sum, chunk) => sum + sizeOf(chunk), 0);
  rows.push({ route, kb: bytes / 1024 });
}

rows.sort((a, b) => a.route.localeCompare(b.route));
let failed = false;
console.log("First-load JS per route (gzip):\n");
for (const { route, kb } of rows) {
  const budget = BUDGET_KB[route];
  const over = budget !== undefined && kb > budget;
  failed ||= over;
  const note =
    budget === undefined ? "" : over ? `  OVER budget ${budget} kB` : `  (budget ${budget} kB)`;
  console.log(`  ${route.padEnd(32)} ${kb.toFixed(1).padStart(7)} kB${note}`);
}
if (failed) {
  console.error(
    "\nperf:bundle: a route is over its budget; move client code behind dynamic imports or into Server Components.",
  );
  process.exit(1);
}
