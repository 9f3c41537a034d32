#!/usr/bin/env bash
# Frontend lint, type check and unit tests.
# Services: none
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "$0")/lib.sh"
frontend_install
cd "$FRONTEND" || exit 1
npm run lint
npm run typecheck
npm test
