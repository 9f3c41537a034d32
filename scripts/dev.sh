#!/usr/bin/env bash
# Runs the API (127.0.0.1:API_PORT, default 8000) and the web app (localhost:WEB_PORT, default
# 3000) together on embedded defaults, e.g. `make dev API_PORT=8010 WEB_PORT=3010` beside
# another checkout. Set DATABASE_URL, REDIS_URL, CELERY_BROKER_URL ... in the environment to use
# real services instead.
# Services: none
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "$0")/lib.sh"
API_PORT="${API_PORT:-8000}"
WEB_PORT="${WEB_PORT:-3000}"
for port in "$API_PORT" "$WEB_PORT"; do
  [[ "$port" =~ ^[0-9]+$ ]] || { echo "API_PORT and WEB_PORT must be port numbers, not '$port'" >&2; exit 2; }
done
# The browser's origin: email links and the API's allowed Origin (backend), absolute URLs
# (frontend). Set explicitly, they win (a tunnel, another host name).
export FRONTEND_URL="${FRONTEND_URL:-http://localhost:$WEB_PORT}"
export SITE_URL="${SITE_URL:-$FRONTEND_URL}"
export BACKEND_URL="${BACKEND_URL:-http://127.0.0.1:$API_PORT}"

backend_sync
frontend_install
cd "$BACKEND" || exit 1
"$UV" run python manage.py migrate --noinput
"$UV" run python manage.py seed

# Reset the trap first: kill 0 signals this shell too, which would run the handler again.
trap 'trap - EXIT INT TERM; kill 0' EXIT INT TERM
"$UV" run python manage.py runserver "127.0.0.1:$API_PORT" &
(cd "$FRONTEND" && npx next dev --port "$WEB_PORT") &
wait_for_http "http://127.0.0.1:$API_PORT/healthz" 60
echo
echo "  App:       $FRONTEND_URL"
echo "  API docs:  http://localhost:$API_PORT/api/docs/"
echo "  Admin:     http://localhost:$API_PORT/${DJANGO_ADMIN_URL:-admin/}  (make superuser, or an editor above)"
echo
wait
