#!/usr/bin/env bash
# Load-tests the API under gunicorn with production settings and prints, per endpoint,
# requests/s, p50 and p99, each as a ratio to two references served with the same gunicorn
# flags in the same run: the API's /healthz, and a bare `startproject` Django view returning
# one JsonResponse (bench/bare/). Targets are ratios to the bare view. See docs/benchmarks.md.
#
# Needs PostgreSQL and Redis on 127.0.0.1 (as `make dev`); starts its own moto S3 server
# and gunicorn on free local ports, and stops them on exit. Installs wrk with apt if missing.
#
#   bench/run.sh                      # 3 rounds, 5 s per measurement
#   BENCH_ROUNDS=5 BENCH_DURATION=10 BENCH_CONNECTIONS=32 BENCH_WORKERS=4 bench/run.sh
#   BENCH_DATABASE=bench_mine bench/run.sh   # another database, e.g. beside a colleague's run
#   BENCH_OTLP=1 bench/run.sh         # also each endpoint with tracing on, exporting to a local OTLP
#                                     # sink (bench/otlp_sink.py), and its ratio to tracing off
#   BENCH_SCALE=0 bench/run.sh        # without the in-process run at 100,000 articles (bench/scale.py)
# Services: postgresql redis
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
backend="$root/backend"
python="$backend/.venv/bin/python"
duration="${BENCH_DURATION:-5}"
connections="${BENCH_CONNECTIONS:-16}"
# Two sync workers per CPU, as production runs them (GUNICORN_WORKERS=2 per web pod of one CPU).
workers="${BENCH_WORKERS:-$((2 * $(nproc)))}"
pg="${BENCH_PG:-postgres://postgres@127.0.0.1:5432}"
redis_url="${BENCH_REDIS_URL:-redis://127.0.0.1:6379/3}"
database="${BENCH_DATABASE:-bench}"

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
# shellcheck disable=SC2329 # invoked by the trap below
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait "${pids[@]}" 2>/dev/null || true
    # The OTLP sink last, so the servers' final span exports on shutdown still reach it.
    [ -z "${otlp_pid:-}" ] || { kill "$otlp_pid" 2>/dev/null || true; wait "$otlp_pid" 2>/dev/null || true; }
    [ -z "${metrics_dir:-}" ] || rm -rf "$metrics_dir"
}
trap cleanup EXIT INT TERM

# --- Services --------------------------------------------------------------------------------
s3_port="$(free_port)"
"$backend/.venv/bin/moto_server" -H 127.0.0.1 -p "$s3_port" >/dev/null 2>&1 &
pids+=("$!")
web_port="$(free_port)"

psql "$pg/postgres" -qtAc "SELECT 1 FROM pg_database WHERE datname = '$database'" | grep -q 1 \
    || psql "$pg/postgres" -qc "CREATE DATABASE $database"

export DJANGO_ENV=production
DJANGO_SECRET_KEY="$("$python" -c 'import secrets; print(secrets.token_urlsafe(64))')"
export DJANGO_SECRET_KEY
export DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost
export DJANGO_SECURE_SSL_REDIRECT=false
export DATABASE_URL="$pg/$database"
export REDIS_URL="$redis_url"
# Nothing is published during the run; production settings only insist that a broker is named.
export CELERY_BROKER_URL=amqp://guest:guest@127.0.0.1:5672//
export EMAIL_URL=smtp://127.0.0.1:1025
export METRICS_TOKEN=bench-metrics-token
export AWS_STORAGE_BUCKET_NAME=bench-media
export AWS_S3_ENDPOINT_URL="http://127.0.0.1:$s3_port"
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_S3_REGION_NAME=us-east-1
# Rate limits would turn a load test into a test of 429s; empty switches them off. (Raised ones
# would not do: DRF's throttle keeps every request time of the window, tens of thousands here.)
# Their cost at the default rates is measured apart: docs/decisions/0014-drf-throttles-for-every-limit.md
export THROTTLE_ANON_RATE='' THROTTLE_USER_RATE=''
export JWT_ACCESS_TOKEN_LIFETIME_SECONDS=3600
export LOG_LEVEL=WARNING
unset SENTRY_DSN
# Tracing is off, as it is without a collector. With BENCH_OTLP=1 two more API servers (cached and
# uncached) have it on, exporting their spans to a stand-in collector that accepts and discards them,
# and every endpoint is measured on both right after each other (docs/benchmarks.md#tracing).
unset OTEL_EXPORTER_OTLP_ENDPOINT
tracing="${BENCH_OTLP:-0}"
if [ "$tracing" = 1 ]; then
    otlp_port="$(free_port)"
    "$python" "$root/bench/otlp_sink.py" "$otlp_port" &
    otlp_pid="$!"
fi

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
# A signed-in session's access token: a bearer token is checked against its session (a bare
# AccessToken.for_user has none and is refused). Development settings, as for seed: a task the
# sign-in enqueues (a new-device email) runs inline and its email goes to the console.
token="$(env -u CELERY_BROKER_URL -u EMAIL_URL DJANGO_ENV=development "$python" manage.py shell -v0 -c "
from apps.accounts.models import User
from apps.accounts.services.sessions import session_start
from apps.common.auth import ClientInfo
user = User.objects.get(email='demo@example.com')
print(session_start(user=user, client=ClientInfo(ip='127.0.0.1', user_agent='bench')).access)" | tail -1)"

"$python" manage.py collectstatic --noinput -v0  # WhiteNoise warns about a missing STATIC_ROOT otherwise

# The production image's gunicorn flags, read from its CMD (backend/Dockerfile) so that the bench
# cannot drift from it, as infra/scripts/smoke-prod-local.sh does; only --bind and --workers are
# the bench's. The access log (--access-logfile -) goes to /dev/null, and --log-level warning keeps
# gunicorn's notes on recycled workers (--max-requests) out of the report.
mapfile -t gunicorn_flags < <("$python" - "$backend/Dockerfile" <<'PY'
import json, shlex, sys

cmd = json.loads([line for line in open(sys.argv[1]) if line.startswith("CMD ")][-1][4:])
args = iter(shlex.split(cmd[-1].split("exec gunicorn config.wsgi:application", 1)[1]))
for arg in args:
    if arg in ("--bind", "--workers"):
        next(args)
    else:
        print(arg)
PY
)
[ "${#gunicorn_flags[@]}" -gt 0 ] || { echo "bench: no gunicorn flags found in backend/Dockerfile's CMD" >&2; exit 1; }

# Two identical servers but for the response cache: the second has it switched off, so the
# "uncached" rows run the same anonymous request through selector, serializer and renderer.
start_server() { # port, WSGI application, path that answers 200 when ready, then extra VAR=value settings
    local port="$1" app="$2" ready="$3"
    shift 3
    env "$@" "$backend/.venv/bin/gunicorn" "$app" --bind "127.0.0.1:$port" --workers "$workers" \
        "${gunicorn_flags[@]}" --log-level warning >/dev/null &
    pids+=("$!")
    # Up to 60 s: on a shared machine under load, --preload and four workers can take over 20 s.
    for _ in $(seq 300); do
        curl -fsS "http://127.0.0.1:$port$ready" >/dev/null 2>&1 && return
        sleep 0.2
    done
    echo "bench: gunicorn on :$port did not start" >&2
    exit 1
}
uncached_port="$(free_port)"
bare_port="$(free_port)"
# As in production (docker-compose.prod.yml): every gunicorn process writes its metrics to a
# shared directory, which costs each request its writes there (docs/observability.md).
metrics_dir="$(mktemp -d)"
mkdir "$metrics_dir/cached" "$metrics_dir/uncached" "$metrics_dir/traced-cached" "$metrics_dir/traced-uncached"
start_server "$web_port" config.wsgi:application /healthz PROMETHEUS_MULTIPROC_DIR="$metrics_dir/cached"
start_server "$uncached_port" config.wsgi:application /healthz CONTENT_CACHE_SECONDS=0 \
    PROMETHEUS_MULTIPROC_DIR="$metrics_dir/uncached"
start_server "$bare_port" bare.wsgi:application / DJANGO_SETTINGS_MODULE=bare.settings PYTHONPATH="$root/bench"
cached="http://127.0.0.1:$web_port"
uncached="http://127.0.0.1:$uncached_port"
bare="http://127.0.0.1:$bare_port"
# With tracing: the same two servers, exporting (the key is the server without it).
declare -A traced=()
if [ "$tracing" = 1 ]; then
    traced_port="$(free_port)"
    traced_uncached_port="$(free_port)"
    start_server "$traced_port" config.wsgi:application /healthz PROMETHEUS_MULTIPROC_DIR="$metrics_dir/traced-cached" \
        OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:$otlp_port"
    start_server "$traced_uncached_port" config.wsgi:application /healthz CONTENT_CACHE_SECONDS=0 \
        PROMETHEUS_MULTIPROC_DIR="$metrics_dir/traced-uncached" OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:$otlp_port"
    traced[$cached]="http://127.0.0.1:$traced_port"
    traced[$uncached]="http://127.0.0.1:$traced_uncached_port"
fi

# --- Load ------------------------------------------------------------------------------------
# name|server|path|auth|target ratio to the bare Django view. Every measurement of an endpoint is
# paired with one of each reference right before it, and its ratios come from that triple: the
# speed of a shared VM drifts by tens of percent within minutes, and a reference measured once
# would carry that into every ratio. Rounds repeat the triples; the table shows medians and the
# range of the ratios to the bare view.
healthz="/healthz (API stack)|$cached|/healthz|no|"
bare_view="bare Django view|$bare|/|no|"
scenarios=(
    "articles list, cached|$cached|/api/v1/articles/|no|0.70"
    "articles list, uncached|$uncached|/api/v1/articles/|no|0.20"
    "article detail, cached|$cached|/api/v1/articles/demo-1/|no|"
    "article detail, uncached|$uncached|/api/v1/articles/demo-1/|no|"
    "users/me (bearer)|$cached|/api/v1/users/me/|yes|0.40"
)
warmup="${BENCH_WARMUP:-2}"
rounds="${BENCH_ROUNDS:-3}"

ms() { # wrk latency ("850.00us", "1.20ms", "1.01s") -> milliseconds
    awk -v v="$1" 'BEGIN {
        n = v + 0
        if (v ~ /us$/) n = n / 1000; else if (v ~ /ms$/) n = n; else if (v ~ /m$/) n = n * 60000; else if (v ~ /s$/) n = n * 1000
        printf "%.2f", n }'
}
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
minimum() { printf '%s\n' "$@" | sort -g | head -1; }
maximum() { printf '%s\n' "$@" | sort -g | tail -1; }

measure() { # scenario line, seconds; sets m_rps, m_p50 and m_p99 (no subshell: exit must end the run)
    local name server path auth target out
    IFS='|' read -r name server path auth target <<<"$1"
    local headers=()
    [ "$auth" = yes ] && headers=(-H "Authorization: Bearer $token")
    out="$(wrk -t2 -c "$connections" -d "${2}s" --latency "${headers[@]}" "$server$path")"
    if grep -q "Non-2xx" <<<"$out"; then
        echo "bench: $path had non-2xx responses:" >&2
        echo "$out" >&2
        exit 1
    fi
    m_rps="$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")"
    m_p50="$(ms "$(awk '$1 == "50%" {print $2}' <<<"$out")")"
    m_p99="$(ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")"
}

with_tracing() { # scenario line -> the same on the traced twin of its server
    local name server path auth target
    IFS='|' read -r name server path auth target <<<"$1"
    echo "$name|${traced[$server]}|$path|$auth|$target"
}
warmups=("$bare_view" "$healthz" "${scenarios[@]}")
if [ "$tracing" = 1 ]; then
    for scenario in "${scenarios[@]}"; do warmups+=("$(with_tracing "$scenario")"); done
fi

load_before="$(cut -d' ' -f1 /proc/loadavg)"
# Unmeasured first: every worker has imported its code paths, opened its connections and, for
# the cached server, stored the responses.
for scenario in "${warmups[@]}"; do
    IFS='|' read -r name server path auth target <<<"$scenario"
    headers=()
    [ "$auth" = yes ] && headers=(-H "Authorization: Bearer $token")
    body="$(curl -s -w '\n%{http_code}' "${headers[@]}" "$server$path")"
    if [ "${body##*$'\n'}" != 200 ]; then
        echo "bench: $server$path answered ${body##*$'\n'}, expected 200: $(head -c 300 <<<"${body%$'\n'*}")" >&2
        exit 1
    fi
    measure "$scenario" "$warmup"
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", a / b}'; }
declare -A rps p50 p99 to_bare to_healthz on_rps on_p50 on_p99 on_to_off
measure_with_tracing() { # scenario index: the same load on the traced twin, as a ratio to the run just before
    local off_rps="$m_rps"
    measure "$(with_tracing "${scenarios[$1]}")" "$duration"
    on_rps[$1]+=" $m_rps" on_p50[$1]+=" $m_p50" on_p99[$1]+=" $m_p99"
    on_to_off[$1]+=" $(ratio "$m_rps" "$off_rps")"
}
for round in $(seq "$rounds"); do
    echo "bench: round $round of $rounds" >&2
    for i in "${!scenarios[@]}"; do
        measure "$bare_view" "$duration"
        bare_rps="$m_rps"
        rps[bare]+=" $m_rps" p50[bare]+=" $m_p50" p99[bare]+=" $m_p99"
        measure "$healthz" "$duration"
        healthz_rps="$m_rps"
        rps[healthz]+=" $m_rps" p50[healthz]+=" $m_p50" p99[healthz]+=" $m_p99"
        to_bare[healthz]+=" $(ratio "$healthz_rps" "$bare_rps")"
        measure "${scenarios[$i]}" "$duration"
        rps[$i]+=" $m_rps" p50[$i]+=" $m_p50" p99[$i]+=" $m_p99"
        to_bare[$i]+=" $(ratio "$m_rps" "$bare_rps")"
        to_healthz[$i]+=" $(ratio "$m_rps" "$healthz_rps")"
        [ "$tracing" != 1 ] || measure_with_tracing "$i"
    done
done

# --- Report ----------------------------------------------------------------------------------
printf '\n%s workers, %s connections, %s rounds of %ss per measurement, %s, %s CPUs, load average before %s\n\n' \
    "$workers" "$connections" "$rounds" "$duration" "$(date -u +%Y-%m-%dT%H:%MZ)" "$(nproc)" "$load_before"
printf '| %-26s | %7s | %7s | %7s | %9s | %16s | %10s | %-24s |\n' \
    endpoint "req/s" "p50 ms" "p99 ms" "/ healthz" "/ bare (range)" "target" "verdict (ratio to bare)"
printf '|%s|%s|%s|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..28})" "---------" "---------" "---------" \
    "-----------" "------------------" "------------" "--------------------------"
# shellcheck disable=SC2086 # the lists are space-separated numbers
printf '| %-26s | %7.0f | %7.2f | %7.2f | %9s | %16s | %10s | %-24s |\n' "bare Django view" \
    "$(median ${rps[bare]})" "$(median ${p50[bare]})" "$(median ${p99[bare]})" "-" "1.00" "" \
    "$(printf '%.0f-%.0f req/s' "$(minimum ${rps[bare]})" "$(maximum ${rps[bare]})")"
# shellcheck disable=SC2086
printf '| %-26s | %7.0f | %7.2f | %7.2f | %9s | %16s | %10s | %-24s |\n' "/healthz (API stack)" \
    "$(median ${rps[healthz]})" "$(median ${p50[healthz]})" "$(median ${p99[healthz]})" "1.00" \
    "$(printf '%.2f (%.2f-%.2f)' "$(median ${to_bare[healthz]})" "$(minimum ${to_bare[healthz]})" "$(maximum ${to_bare[healthz]})")" \
    "" "$(printf '%.0f-%.0f req/s' "$(minimum ${rps[healthz]})" "$(maximum ${rps[healthz]})")"
failed=0
for i in "${!scenarios[@]}"; do
    IFS='|' read -r name server path auth target <<<"${scenarios[$i]}"
    # shellcheck disable=SC2086
    bare_ratio="$(median ${to_bare[$i]})"
    verdict="-"
    if [ -n "$target" ]; then
        if awk -v r="$bare_ratio" -v t="$target" 'BEGIN {exit !(r >= t)}'; then
            verdict="ok"
        else
            verdict="$(awk -v r="$bare_ratio" -v t="$target" 'BEGIN {printf "MISS by %.2f (%.0f%% short)", t - r, 100 * (t - r) / t}')"
            failed=1
        fi
    fi
    # shellcheck disable=SC2086
    printf '| %-26s | %7.0f | %7.2f | %7.2f | %9.2f | %16s | %10s | %-24s |\n' "$name" \
        "$(median ${rps[$i]})" "$(median ${p50[$i]})" "$(median ${p99[$i]})" "$(median ${to_healthz[$i]})" \
        "$(printf '%.2f (%.2f-%.2f)' "$bare_ratio" "$(minimum ${to_bare[$i]})" "$(maximum ${to_bare[$i]})")" \
        "${target:+>=$target}" "$verdict"
done

if [ "$tracing" = 1 ]; then
    printf '\nTracing on (OTEL_EXPORTER_OTLP_ENDPOINT set, every span exported by OTLP/HTTP to bench/otlp_sink.py),\n'
    printf 'each measured right after the same load with tracing off; on / off is the median of those pairs:\n\n'
    printf '| %-26s | %9s | %9s | %7s | %7s | %18s |\n' endpoint "off req/s" "on req/s" "on p50" "on p99" "on / off (range)"
    printf '|%s|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..28})" "-----------" "-----------" "---------" \
        "---------" "--------------------"
    for i in "${!scenarios[@]}"; do
        IFS='|' read -r name server path auth target <<<"${scenarios[$i]}"
        # shellcheck disable=SC2086 # the lists are space-separated numbers
        printf '| %-26s | %9.0f | %9.0f | %7.2f | %7.2f | %18s |\n' "$name" "$(median ${rps[$i]})" \
            "$(median ${on_rps[$i]})" "$(median ${on_p50[$i]})" "$(median ${on_p99[$i]})" \
            "$(printf '%.2f (%.2f-%.2f)' "$(median ${on_to_off[$i]})" "$(minimum ${on_to_off[$i]})" "$(maximum ${on_to_off[$i]})")"
    done
    echo "The sink's count of what it received follows when it stops (exports, bytes)."
fi
# Content reads at 100,000 articles, in-process and uncached (bench/scale.py; seeds once).
if [ "${BENCH_SCALE:-1}" != 0 ]; then
    SCALE_DATABASE_URL="$pg/bench_scale" "$python" "$root/bench/scale.py" || failed=1
fi
exit "$failed"
