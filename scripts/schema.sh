#!/usr/bin/env bash
# Regenerates backend/openapi.yaml; with --check, fails when the committed file is stale.
# Services: none
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "$0")/lib.sh"
backend_sync
cd "$BACKEND" || exit 1
# In English, the source language, whatever the project's default language is (docs/template.md).
if [ "${1:-}" = "--check" ]; then
  generated="$(mktemp)"
  "$UV" run python manage.py spectacular --lang en --file "$generated" --validate --fail-on-warn
  if ! diff -u openapi.yaml "$generated"; then
    echo "backend/openapi.yaml is stale: run 'make schema' and commit it." >&2
    exit 1
  fi
  echo "OpenAPI schema is current."
else
  "$UV" run python manage.py spectacular --lang en --file openapi.yaml --validate --fail-on-warn
  echo "Wrote backend/openapi.yaml"
fi
