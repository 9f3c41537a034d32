#!/usr/bin/env bash
# Runs the API (127.0.0.1:8000) and the web app (localhost:3000) together on embedded defaults.
# Set DATABASE_URL, REDIS_URL, CELERY_BROKER_URL ... in the environment to use real services instead.
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "$0")/lib.sh"
backend_sync
frontend_install
cd "$BACKEND" || exit 1
"$UV" run python manage.py migrate --noinput
"$UV" run python manage.py seed

# Reset the trap first: kill 0 signals this shell too, which would run the handler again.
trap 'trap - EXIT INT TERM; kill 0' EXIT INT TERM
"$UV" run python manage.py runserver 127.0.0.1:8000 &
(cd "$FRONTEND" && BACKEND_URL="${BACKEND_URL:-http://127.0.0.1:8000}" npm run dev -- --port 3000) &
wait_for_http http://127.0.0.1:8000/healthz 60
echo
echo "  App:       http://localhost:3000"
echo "  API docs:  http://localhost:8000/api/docs/"
echo "  Admin:     http://localhost:8000/${DJANGO_ADMIN_URL:-admin/}  (make superuser, or the editor printed above)"
echo
wait
