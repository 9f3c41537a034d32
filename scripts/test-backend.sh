#!/usr/bin/env bash
# The backend suite with coverage. Uses whatever services the environment names
# (DATABASE_URL, REDIS_URL, CELERY_BROKER_URL); embedded defaults otherwise.
# Services: none
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "$0")/lib.sh"
backend_sync
cd "$BACKEND" || exit 1
"$UV" run pytest --cov --cov-report=term "$@"
