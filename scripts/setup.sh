#!/usr/bin/env bash
# Installs everything a developer needs: backend venv, frontend packages, a migrated local database.
# Services: none
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "$0")/lib.sh"
backend_sync
frontend_install
(cd "$BACKEND" && "$UV" run python manage.py migrate --noinput)
echo "==> Ready. Run 'make dev'."
