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
  # [copier] if template
  # The template's own scripts and tests, with the backend's ruff and their own settings.
  "$UV" run ruff check --config ../template/pyproject.toml ../template
  "$UV" run ruff format --check --config ../template/pyproject.toml ../template
  # [copier] end
)
frontend_install
(cd "$FRONTEND" && npm run lint && npm run typecheck)
"$ROOT/scripts/check-module-size.sh"
