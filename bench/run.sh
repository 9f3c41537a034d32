#!/usr/bin/env bash
# Load-tests the API under gunicorn with production settings and prints, per endpoint,
# requests/s, p50 and p99, each as a ratio to a trivial Django view served by the same
# server in the same run. See docs/benchmarks.md for what is measured and the targets.
#
# Needs PostgreSQL and Redis on 127.0.0.1 (as `make dev`); starts its own moto S3 server
# and gunicorn on free local ports, and stops them on exit. Installs wrk with apt if missing.
#
#   bench/run.sh                      # 10 s per endpoint
#   BENCH_DURATION=30 BENCH_CONNECTIONS=32 BENCH_WORKERS=4 bench/run.sh
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
backend="$root/backend"
python="$backend/.venv/bin/python"
duration="${BENCH_DURATION:-10}"
connections="${BENCH_CONNECTIONS:-16}"
workers="${BENCH_WORKERS:-2}"
pg="${BENCH_PG:-postgres://postgres@127.0.0.1:5432}"
redis_url="${BENCH_REDIS_URL:-redis://127.0.0.1:6379/3}"

if [ ! -x "$python" ]; then
    echo "bench: no backend virtualenv; run 'cd backend && uv sync' first" >&2
    exit 1
fi
if ! command -v wrk >/dev/null 2>&1; then
    echo "bench: installing wrk" >&2
    if [ "$(id -u)" = 0 ]; then apt-get install -y -qq wrk >/dev/null; else sudo apt-get install -y -qq wrk >/dev/null; fi
fi

free_port() { "$python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

# --- Services --------------------------------------------------------------------------------
s3_port="$(free_port)"
"$backend/.venv/bin/moto_server" -H 127.0.0.1 -p "$s3_port" >/dev/null 2>&1 &
pids+=("$!")
web_port="$(free_port)"

psql "$pg/postgres" -qtAc "SELECT 1 FROM pg_database WHERE datname = 'bench'" | grep -q 1 \
    || psql "$pg/postgres" -qc "CREATE DATABASE bench"

export DJANGO_ENV=production
export DJANGO_SECRET_KEY="$("$python" -c 'import secrets; print(secrets.token_urlsafe(64))')"
export DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost
export DJANGO_SECURE_SSL_REDIRECT=false
export DATABASE_URL="$pg/bench"
export REDIS_URL="$redis_url"
# Nothing is published during the run; production settings only insist that a broker is named.
export CELERY_BROKER_URL=amqp://guest:guest@127.0.0.1:5672//
export EMAIL_URL=smtp://127.0.0.1:1025
export METRICS_TOKEN=bench-metrics-token
export AWS_STORAGE_BUCKET_NAME=bench-media
export AWS_S3_ENDPOINT_URL="http://127.0.0.1:$s3_port"
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_S3_REGION_NAME=us-east-1
# Rate limits would turn a load test into a test of 429s.
export THROTTLE_ANON_RATE=100000000/min THROTTLE_USER_RATE=100000000/min
export JWT_ACCESS_TOKEN_LIFETIME_SECONDS=3600
export LOG_LEVEL=WARNING
unset SENTRY_DSN

cd "$backend"
for _ in $(seq 50); do
    "$python" -c "import urllib.request; urllib.request.urlopen('$AWS_S3_ENDPOINT_URL', timeout=1)" 2>/dev/null && break
    sleep 0.2
done
"$python" -c "
import boto3
boto3.client('s3', endpoint_url='$AWS_S3_ENDPOINT_URL', region_name='us-east-1').create_bucket(Bucket='bench-media')"
"$python" -c "import redis; redis.Redis.from_url('$REDIS_URL').flushdb()"

echo "bench: migrating and seeding (20 articles with tags, authors, covers, comments)" >&2
"$python" manage.py migrate --noinput -v0
# seed refuses production settings (its passwords are public); tasks run inline without a broker.
env -u CELERY_BROKER_URL DJANGO_ENV=development "$python" manage.py seed --articles 20 >/dev/null
token="$("$python" manage.py shell -v0 -c "
from rest_framework_simplejwt.tokens import AccessToken
from apps.accounts.models import User
print(AccessToken.for_user(User.objects.get(email='demo@example.com')))")"

"$python" manage.py collectstatic --noinput -v0  # WhiteNoise warns about a missing STATIC_ROOT otherwise

# Two identical servers but for the response cache: the second has it switched off, so the
# "uncached" rows run the same anonymous request through selector, presenter and renderer.
start_server() { # port, then extra VAR=value settings
    local port="$1"
    shift
    # --preload: the app is imported once before the workers fork, so when /healthz answers
    # every worker is ready instead of some still importing during the first measurement.
    env "$@" "$backend/.venv/bin/gunicorn" config.wsgi:application --bind "127.0.0.1:$port" --preload \
        --workers "$workers" --worker-tmp-dir /dev/shm --keep-alive 5 --log-level warning &
    pids+=("$!")
    for _ in $(seq 100); do
        curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && return
        sleep 0.2
    done
    echo "bench: gunicorn on :$port did not start" >&2
    exit 1
}
uncached_port="$(free_port)"
start_server "$web_port"
start_server "$uncached_port" CONTENT_CACHE_SECONDS=0
cached="http://127.0.0.1:$web_port"
uncached="http://127.0.0.1:$uncached_port"

# --- Load ------------------------------------------------------------------------------------
# name|server|path|auth|target ratio. The baseline runs first and last; ratios use the mean of
# the two, so a machine that gets busier (or quieter) during the run shows up as a gap between them.
scenarios=(
    "baseline /healthz|$cached|/healthz|no|"
    "articles list, cached|$cached|/api/v1/articles/|no|0.70"
    "articles list, uncached|$uncached|/api/v1/articles/|no|0.25"
    "article detail, cached|$cached|/api/v1/articles/demo-1/|no|"
    "article detail, uncached|$uncached|/api/v1/articles/demo-1/|no|"
    "users/me (bearer)|$cached|/api/v1/users/me/|yes|0.50"
    "baseline /healthz, again|$cached|/healthz|no|"
)
warmup="${BENCH_WARMUP:-2}"

ms() { # wrk latency ("850.00us", "1.20ms", "1.01s") -> milliseconds
    awk -v v="$1" 'BEGIN {
        n = v + 0
        if (v ~ /us$/) n = n / 1000; else if (v ~ /ms$/) n = n; else if (v ~ /m$/) n = n * 60000; else if (v ~ /s$/) n = n * 1000
        printf "%.2f", n }'
}

load_before="$(cut -d' ' -f1 /proc/loadavg)"
results=()
for scenario in "${scenarios[@]}"; do
    IFS='|' read -r name server path auth target <<<"$scenario"
    headers=()
    [ "$auth" = yes ] && headers=(-H "Authorization: Bearer $token")
    status="$(curl -s -o /dev/null -w '%{http_code}' "${headers[@]}" "$server$path")"  # also fills the cache
    if [ "$status" != 200 ]; then
        echo "bench: $path answered $status, expected 200" >&2
        exit 1
    fi
    # Unmeasured first: every worker has imported its code paths and opened its connections.
    wrk -t2 -c "$connections" -d "${warmup}s" "${headers[@]}" "$server$path" >/dev/null
    out="$(wrk -t2 -c "$connections" -d "${duration}s" --latency "${headers[@]}" "$server$path")"
    if grep -q "Non-2xx" <<<"$out"; then
        echo "bench: $path had non-2xx responses:" >&2
        echo "$out" >&2
        exit 1
    fi
    rps="$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")"
    p50="$(ms "$(awk '$1 == "50%" {print $2}' <<<"$out")")"
    p99="$(ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")"
    results+=("$name|$rps|$p50|$p99|$target")
done

# --- Report ----------------------------------------------------------------------------------
baseline_rps="$(awk -v a="$(cut -d'|' -f2 <<<"${results[0]}")" -v b="$(cut -d'|' -f2 <<<"${results[-1]}")" \
    'BEGIN {print (a + b) / 2}')"
printf '\n%s workers, %s connections, %ss per endpoint, %s, %s CPUs, load average before %s\n\n' \
    "$workers" "$connections" "$duration" "$(date -u +%Y-%m-%dT%H:%MZ)" "$(nproc)" "$load_before"
printf '| %-26s | %9s | %8s | %8s | %8s | %7s |\n' endpoint "req/s" "p50 ms" "p99 ms" "ratio" target
printf '|%s|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..28})" "-----------" "----------" "----------" "----------" "---------"
failed=0
for row in "${results[@]}"; do
    IFS='|' read -r name rps p50 p99 target <<<"$row"
    ratio="$(awk -v a="$rps" -v b="$baseline_rps" 'BEGIN {printf "%.2f", a / b}')"
    verdict="${target:--}"
    if [ -n "$target" ]; then
        if awk -v r="$ratio" -v t="$target" 'BEGIN {exit !(r >= t)}'; then verdict=">=$target ok"; else verdict=">=$target MISS"; failed=1; fi
    fi
    printf '| %-26s | %9.0f | %8s | %8s | %8s | %7s |\n' "$name" "$rps" "$p50" "$p99" "$ratio" "$verdict"
done
exit "$failed"
