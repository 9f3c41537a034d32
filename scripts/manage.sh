#!/usr/bin/env bash
# Runs a command inside the backend environment, e.g. `scripts/manage.sh python manage.py shell`.
source "$(dirname "$0")/lib.sh"
backend_sync
cd "$BACKEND"
exec "$UV" run "$@"
