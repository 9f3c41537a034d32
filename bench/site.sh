#!/usr/bin/env bash
# Requests/s of the Next.js production server for an article page whose content is in its data
# cache (no backend call per request), next to the same server's /healthz (its floor: no React
# rendering at all). See docs/benchmarks.md#the-sites-cached-article-page.
#
# Needs PostgreSQL on 127.0.0.1 and the backend's virtualenv; builds the frontend if it has no
# build yet (`next build`), starts the backend (runserver: it only answers the warm-up) and
# `next start` on free local ports, and stops them on exit. Bounded: BENCH_DURATION seconds per
# measurement, BENCH_ROUNDS rounds, against 127.0.0.1 only.
#
#   bench/site.sh
#   BENCH_ROUNDS=3 BENCH_DURATION=10 BENCH_CONNECTIONS=32 bench/site.sh
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
backend="$root/backend"
frontend="$root/frontend"
python="$backend/.venv/bin/python"
duration="${BENCH_DURATION:-5}"
rounds="${BENCH_ROUNDS:-3}"
connections="${BENCH_CONNECTIONS:-16}"
pg="${BENCH_PG:-postgres://postgres@127.0.0.1:5432}"
database="${BENCH_DATABASE:-bench_site}"

[ -x "$python" ] || { echo "bench: no backend virtualenv; run 'cd backend && uv sync' first" >&2; exit 1; }
command -v wrk >/dev/null 2>&1 || { echo "bench: needs wrk (apt-get install wrk)" >&2; exit 1; }

free_port() { "$python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
pids=()
# shellcheck disable=SC2329 # invoked by the trap below
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    [ -z "${backend_log:-}" ] || rm -f "$backend_log"
}
trap cleanup EXIT INT TERM

wait_for() {
    for _ in $(seq 1 120); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 1; done
    echo "bench: $1 did not come up" >&2; exit 1
}

"$python" -c "
import sys, psycopg
with psycopg.connect(sys.argv[1], autocommit=True) as c:
    if not c.execute('SELECT 1 FROM pg_database WHERE datname = %s', [sys.argv[2]]).fetchone():
        c.execute(f'CREATE DATABASE {sys.argv[2]}')
" "$pg/postgres" "$database"

backend_port="$(free_port)"
export DJANGO_ENV=development DATABASE_URL="$pg/$database" CELERY_BROKER_URL="" REDIS_URL=""
(cd "$backend" && "$python" manage.py migrate --noinput >/dev/null && "$python" manage.py seed >/dev/null)
backend_log="$(mktemp)"
(cd "$backend" && exec "$python" manage.py runserver "127.0.0.1:$backend_port" --noreload >"$backend_log" 2>&1) &
pids+=("$!")
wait_for "http://127.0.0.1:$backend_port/healthz"

if [ ! -f "$frontend/.next/BUILD_ID" ]; then
    echo "bench: building the frontend (next build)" >&2
    (cd "$frontend" && npm run build >/dev/null)
fi
site_port="$(free_port)"
(cd "$frontend" && BACKEND_URL="http://127.0.0.1:$backend_port" NEXT_TELEMETRY_DISABLED=1 \
    exec npx next start --port "$site_port" >/dev/null 2>&1) &
pids+=("$!")
wait_for "http://127.0.0.1:$site_port/healthz"

slug="$(curl -fsS "http://127.0.0.1:$backend_port/api/v1/articles/?pageSize=1" \
    | "$python" -c 'import json, sys; print(json.load(sys.stdin)["results"][0]["slug"])')"
page="http://127.0.0.1:$site_port/articles/$slug"
curl -fsS -o /dev/null "$page"  # fills the data cache; every request after it reads from there
backend_calls() { grep -c "GET /api/v1/articles/$slug/" "$backend_log" || true; }
calls_before="$(backend_calls)"

measure() {
    wrk -t2 -c "$connections" -d "${duration}s" --latency "$1" \
        | awk '/Requests\/sec/ {rps=$2} $1=="50%" {p50=$2} $1=="99%" {p99=$2} /Non-2xx/ {bad=$NF}
               END {printf "%10s req/s  p50 %8s  p99 %8s%s\n", rps, p50, p99, bad ? "  NON-2XX " bad : ""}'
}

echo "Next.js production server, $connections connections, ${duration}s x $rounds rounds, $(nproc) CPUs"
for round in $(seq 1 "$rounds"); do
    printf 'round %s  /healthz              ' "$round"; measure "http://127.0.0.1:$site_port/healthz"
    printf 'round %s  /articles/<slug>      ' "$round"; measure "$page"
done
echo "backend calls for the article during the runs: $(( $(backend_calls) - calls_before )) (0: every page came from the data cache)"
