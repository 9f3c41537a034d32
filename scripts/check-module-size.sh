#!/usr/bin/env bash
# Fails when a source module passes 300 lines (docs/architecture.md: split it by sub-domain).
# Generated code (the OpenAPI types) and migrations are exempt.
# Services: none
set -euo pipefail
cd "$(dirname "$0")/.."
limit=300
oversized="$(
  git ls-files --cached --others --exclude-standard -- \
    'backend/*.py' 'frontend/src/*.ts' 'frontend/src/*.tsx' 'frontend/tests/*.ts' 'frontend/tests/*.tsx' \
    'frontend/e2e/*.ts' 'bench/*.py' ':!:backend/apps/*/migrations/*' ':!:frontend/src/lib/api/schema.gen.ts' |
    while IFS= read -r file; do
      [ -f "$file" ] && lines="$(wc -l <"$file")" && [ "$lines" -gt "$limit" ] && echo "  $lines $file"
    done || true
)"
if [ -n "$oversized" ]; then
  echo "Modules over $limit lines; split each by sub-domain:" >&2
  echo "$oversized" >&2
  exit 1
fi
echo "Every module is at most $limit lines."
