#!/usr/bin/env bash
# The backend suite with coverage. Uses whatever services the environment names
# (DATABASE_URL, REDIS_URL, CELERY_BROKER_URL); embedded defaults otherwise.
source "$(dirname "$0")/lib.sh"
backend_sync
cd "$BACKEND"
"$UV" run pytest --cov --cov-report=term "$@"
