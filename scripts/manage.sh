#!/usr/bin/env bash
# Runs a command inside the backend environment, e.g. `scripts/manage.sh python manage.py shell`.
# Services: none
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "$0")/lib.sh"
backend_sync
cd "$BACKEND" || exit 1
exec "$UV" run "$@"
