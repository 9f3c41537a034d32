// Fails when src/lib/api/schema.gen.ts is not what `npm run gen:api` would write from
// ../backend/openapi.yaml, so CI catches a schema change without regenerated types.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const schema = "../backend/openapi.yaml";
const committed = "src/lib/api/schema.gen.ts";

if (!existsSync(schema)) {
  console.error(`check:api: ${schema} is missing; run \`make schema\` in the backend first.`);
  process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), "check-api-"));
const fresh = join(dir, "schema.gen.ts");
try {
  const bin = (name) => join("node_modules", ".bin", name);
  execFileSync(bin("openapi-typescript"), [schema, "--output", fresh], { stdio: "inherit" });
  // Format with this project's Prettier config, as gen:api does.
  execFileSync(bin("prettier"), ["--write", "--config", ".prettierrc.json", fresh], {
    stdio: "ignore",
  });
  const expected = readFileSync(fresh, "utf8");
  const actual = existsSync(committed) ? readFileSync(committed, "utf8") : "";
  if (expected !== actual) {
    console.error(
      `check:api: ${committed} is out of date with ${schema}. Run \`npm run gen:api\` and commit the result.`,
    );
    process.exit(1);
  }
  console.log(`check:api: ${committed} matches ${schema}.`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
