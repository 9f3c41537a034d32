#!/usr/bin/env bash
# Frontend lint, type check and unit tests.
source "$(dirname "$0")/lib.sh"
frontend_install
cd "$FRONTEND"
npm run lint
npm run typecheck
npm test
