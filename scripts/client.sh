#!/usr/bin/env bash
# Regenerates the frontend's API types from backend/openapi.yaml; with --check, fails on drift.
# Services: none
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "$0")/lib.sh"
frontend_install
cd "$FRONTEND" || exit 1
if [ "${1:-}" = "--check" ]; then
  npm run check:api
else
  npm run gen:api
fi
