#!/usr/bin/env bash
# Lint and type checks of both halves; fails on the first problem.
# Services: none
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "$0")/lib.sh"
backend_sync
(
  cd "$BACKEND" || exit 1
  "$UV" run ruff check .
  "$UV" run ruff format --check .
  "$UV" run mypy .
  "$UV" run lint-imports --no-cache
  "$UV" run python manage.py makemigrations --check --dry-run
)
frontend_install
(cd "$FRONTEND" && npm run lint && npm run typecheck)
"$ROOT/scripts/check-module-size.sh"
