#!/usr/bin/env bash
# Formats both halves in place.
# Services: none
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "$0")/lib.sh"
backend_sync
(cd "$BACKEND" && "$UV" run ruff check --fix . && "$UV" run ruff format .)
frontend_install
(cd "$FRONTEND" && npm run format)
