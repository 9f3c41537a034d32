#!/usr/bin/env bash
# `make images-smoke`: runs the production stack from the production images (make images) and
# checks it as an operator would, with Docker or Podman (infra/scripts/container-engine.sh):
#
#   the migration command as production runs it, web (the image's CMD), one worker per
#   queue, beat, the Next.js server and nginx with infra/nginx/default.conf, as in
#   docker-compose.prod.yml: read-only root, no capabilities, no-new-privileges.
#
# Against the machine's PostgreSQL, Redis and RabbitMQ (no registry serves their images on CI):
# a scratch database, two Redis databases and a fresh RabbitMQ vhost, all emptied at the end.
# Containers share the host's network (--network host), so the image ports are the host's:
# nginx 80, gunicorn 8000, Next.js 3000 (they must be free), plus 127.0.0.1 ports for the SMTP
# sink, a slow backend stub and a second Next.js server (SMOKE_PORT_BASE, default 8125..8128).
# Every assertion prints one line; the script exits non-zero if any failed. It cleans up after
# itself, also when interrupted.
#
# Usage: infra/scripts/images-smoke.sh            (after make images; make images-smoke does both)
# Env:   SMOKE_PG_SERVER (postgres://postgres@127.0.0.1:5432), SMOKE_DB (images_smoke),
#        SMOKE_REDIS (redis://127.0.0.1:6379), SMOKE_REDIS_DBS ("13 14"), SMOKE_RABBITMQ
#        (amqp://guest:guest@127.0.0.1:5672), SMOKE_VHOST (images_smoke), SMOKE_PORT_BASE (8125)
# Services: postgresql redis rabbitmq
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source-path=SCRIPTDIR source=container-engine.sh
source "$ROOT/infra/scripts/container-engine.sh"

BACKEND_IMAGE="${BACKEND_IMAGE:-starter-backend:production}"
FRONTEND_IMAGE="${FRONTEND_IMAGE:-starter-frontend:production}"
NGINX_IMAGE="$(sed -n 's/^ *image: \(nginx:.*\)$/\1/p' "$ROOT/docker-compose.prod.yml" | head -1)"
PG_SERVER="${SMOKE_PG_SERVER:-postgres://postgres@127.0.0.1:5432}"
DB="${SMOKE_DB:-images_smoke}"
REDIS="${SMOKE_REDIS:-redis://127.0.0.1:6379}"
read -r REDIS_DB CONTENT_REDIS_DB <<<"${SMOKE_REDIS_DBS:-13 14}"
RABBITMQ="${SMOKE_RABBITMQ:-amqp://guest:guest@127.0.0.1:5672}"
VHOST="${SMOKE_VHOST:-images_smoke}"
PORT_BASE="${SMOKE_PORT_BASE:-8125}"
SMTP_PORT=$PORT_BASE
SLOW_BACKEND_PORT=$((PORT_BASE + 1))
SECOND_FRONTEND_PORT=$((PORT_BASE + 2))
NO_S3_PORT=$((PORT_BASE + 3)) # nothing listens: storage is reported, never needed here
PREFIX=starter-smoke
ORIGIN=http://127.0.0.1:80

failures=()
passes=0
started_at=$SECONDS
work="$(mktemp -d)"
host_pids=()

say() { printf '%s\n' "$*"; }
step() { printf '\n== %s (%ss)\n' "$*" "$((SECONDS - started_at))"; }
pass() { passes=$((passes + 1)); say "  ok    $*"; }
fail() { failures+=("$1"); say "  FAIL  $1"; if [[ $# -gt 1 ]]; then printf '%s\n' "${@:2}" | sed 's/^/        /'; fi; }
check() { # description command...: one assertion
    local what="$1" out
    shift
    if out="$("$@" 2>&1)"; then
        pass "$what${out:+ ($(tail -1 <<<"$out"))}"
    else
        fail "$what" "$(tail -15 <<<"$out")"
    fi
}
die() { say "smoke: $*" >&2; exit 1; }

containers() { engine ps -a --format '{{.Names}}' | grep "^$PREFIX-" || true; }

cleanup() {
    local c
    for c in $(containers); do engine rm -f "$c" >/dev/null 2>&1 || true; done
    if [[ ${#host_pids[@]} -gt 0 ]]; then kill "${host_pids[@]}" 2>/dev/null || true; fi
    psql "$PG_SERVER/postgres" -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
    if command -v rabbitmqctl >/dev/null 2>&1; then rabbitmqctl -q delete_vhost "$VHOST" >/dev/null 2>&1 || true; fi
    redis_flush
    rm -rf "$work"
}
trap cleanup EXIT

redis_flush() {
    local n
    for n in $REDIS_DB $CONTENT_REDIS_DB; do redis-cli -u "$REDIS/$n" flushdb >/dev/null 2>&1 || true; done
}

port_free() { ! python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', int(sys.argv[1])), 1)" "$1" 2>/dev/null; }

# Runs a container of the stack (Podman's complaint that no systemd schedules health checks is
# dropped: healthcheck() runs them on demand): host network, the two upstream names of the nginx config, and
# docker-compose.prod.yml's hardening (nginx, as there, only gets no-new-privileges).
run_container() { # name image [run args...] -- [command...]
    local name="$1" image="$2"
    shift 2
    local args=()
    while [[ $# -gt 0 && "$1" != -- ]]; do args+=("$1"); shift; done
    [[ $# -gt 0 ]] && shift
    engine run --detach --name "$PREFIX-$name" --network host \
        --add-host backend:127.0.0.1 --add-host frontend:127.0.0.1 \
        --security-opt no-new-privileges "${args[@]}" "$image" "$@" >/dev/null 2>"$work/run.err" \
        || { cat "$work/run.err" >&2; return 1; }
}
hardened=(--read-only --tmpfs /tmp --cap-drop ALL)

logs() { engine logs "$PREFIX-$1" 2>&1; }

wait_log() { # container pattern seconds
    local _
    for _ in $(seq 1 "$3"); do
        logs "$1" | grep -q -- "$2" && return 0
        [[ "$(engine inspect --format '{{.State.Running}}' "$PREFIX-$1")" == true ]] || break
        sleep 1
    done
    say "  $1 never logged '$2'; its log:" >&2
    logs "$1" | tail -30 >&2
    return 1
}

wait_http() { # url seconds [curl args]
    local url="$1" seconds="$2" _
    shift 2
    for _ in $(seq 1 "$seconds"); do
        curl -fsS -o /dev/null --max-time 5 "$@" "$url" 2>/dev/null && return 0
        sleep 1
    done
    return 1
}

status_of() { curl -s -o /dev/null -w '%{http_code}' --max-time 20 -H 'Host: localhost' "$@"; }

expect_status() { # expected url [curl args]
    local expected="$1" url="$2" got
    shift 2
    got="$(status_of "$@" "$url")"
    [[ "$got" == "$expected" ]] || { echo "GET $url answered $got, expected $expected"; return 1; }
}

healthcheck() { # container: the image's HEALTHCHECK passes (Podman runs it on demand; Docker on its timer)
    if [[ "$ENGINE" == podman ]]; then
        engine healthcheck run "$PREFIX-$1"
    else
        local _
        for _ in $(seq 1 90); do
            [[ "$(engine inspect --format '{{.State.Health.Status}}' "$PREFIX-$1")" == healthy ]] && return 0
            sleep 1
        done
        return 1
    fi
}

has_healthcheck() { # image
    local test
    test="$(engine image inspect --format '{{json .Config.Healthcheck}}' "$1")"
    [[ "$test" == *CMD* ]] || { echo "$1 has no HEALTHCHECK ($test): built in the OCI format?"; return 1; }
}

runs_unprivileged() { # container: not root, no capabilities, and the root filesystem refuses writes
    local uid caps
    uid="$(engine exec "$PREFIX-$1" id -u)"
    [[ "$uid" != 0 ]] || { echo "$1 runs as root"; return 1; }
    caps="$(engine exec "$PREFIX-$1" sh -c 'grep ^CapEff /proc/1/status')"
    [[ "$caps" =~ :[[:space:]]*0+$ ]] || { echo "$1 has capabilities: $caps"; return 1; }
    if engine exec "$PREFIX-$1" sh -c 'echo x > /app/.smoke-write' 2>/dev/null; then
        echo "$1 could write to /app"
        return 1
    fi
    [[ "$(engine inspect --format '{{.HostConfig.ReadonlyRootfs}}' "$PREFIX-$1")" == true ]]
    echo "uid $uid, no capabilities, read-only root"
}

log_lacks() { # container pattern
    if logs "$1" | grep -n -- "$2"; then
        echo "$1 logged '$2' (above)"
        return 1
    fi
}

graceful_stop() { # container grace-seconds: stops on SIGTERM (or the image's STOPSIGNAL) in time
    local started elapsed code
    started=$(date +%s%N)
    engine stop --time "$2" "$PREFIX-$1" >/dev/null
    elapsed=$((($(date +%s%N) - started) / 1000000))
    code="$(engine inspect --format '{{.State.ExitCode}}' "$PREFIX-$1")"
    echo "exit $code after ${elapsed} ms (grace $2 s)"
    # 137 is SIGKILL: the grace period ran out.
    [[ "$code" != 137 && $elapsed -lt $(($2 * 1000)) ]]
}

# ------------------------------------------------------------------------------------------
step "Preflight ($(engine_name))"
for tool in psql curl python3; do command -v "$tool" >/dev/null || die "$tool is required"; done
for image in "$BACKEND_IMAGE" "$FRONTEND_IMAGE"; do
    engine image inspect "$image" >/dev/null 2>&1 || die "image $image is missing: run make images"
done
engine image inspect "$NGINX_IMAGE" >/dev/null 2>&1 || engine pull --quiet "$NGINX_IMAGE" >/dev/null \
    || die "image $NGINX_IMAGE is missing and could not be pulled"
for port in 80 8000 3000 "$SMTP_PORT" "$SLOW_BACKEND_PORT" "$SECOND_FRONTEND_PORT"; do
    port_free "$port" || die "port $port is in use; the smoke needs it"
done
for c in $(containers); do engine rm -f "$c" >/dev/null; done
check "$BACKEND_IMAGE carries its HEALTHCHECK" has_healthcheck "$BACKEND_IMAGE"
check "$FRONTEND_IMAGE carries its HEALTHCHECK" has_healthcheck "$FRONTEND_IMAGE"

step "Scratch services: database $DB, Redis dbs $REDIS_DB/$CONTENT_REDIS_DB, a fresh RabbitMQ vhost $VHOST"
psql "$PG_SERVER/postgres" -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null
psql "$PG_SERVER/postgres" -qc "CREATE DATABASE $DB" >/dev/null
redis_flush
if command -v rabbitmqctl >/dev/null 2>&1; then
    rabbitmqctl -q delete_vhost "$VHOST" >/dev/null 2>&1 || true
    rabbitmqctl -q add_vhost "$VHOST" >/dev/null
    rabbitmqctl -q set_permissions -p "$VHOST" "${RABBITMQ#amqp://}" '.*' '.*' '.*' >/dev/null 2>&1 \
        || rabbitmqctl -q set_permissions -p "$VHOST" guest '.*' '.*' '.*' >/dev/null
else
    say "  rabbitmqctl is missing: using vhost $VHOST as it is (it must exist and should be empty)"
fi
mkdir -p "$work/mail"
python3 "$ROOT/infra/scripts/smtp_sink.py" "$SMTP_PORT" "$work/mail" &
host_pids+=($!)

cat >"$work/backend.env" <<EOF
DJANGO_SECRET_KEY=$(python3 -c 'import secrets; print(secrets.token_urlsafe(64))')
DJANGO_ALLOWED_HOSTS=localhost,127.0.0.1,backend
DJANGO_SECURE_SSL_REDIRECT=false
DATABASE_URL=$PG_SERVER/$DB
REDIS_URL=$REDIS/$REDIS_DB
CONTENT_REDIS_URL=$REDIS/$CONTENT_REDIS_DB
CELERY_BROKER_URL=$RABBITMQ/$VHOST
CELERY_RESULT_BACKEND=$REDIS/$REDIS_DB
EMAIL_URL=smtp://127.0.0.1:$SMTP_PORT
FRONTEND_URL=http://localhost
AWS_STORAGE_BUCKET_NAME=smoke
AWS_S3_ENDPOINT_URL=http://127.0.0.1:$NO_S3_PORT
AWS_ACCESS_KEY_ID=smoke
AWS_SECRET_ACCESS_KEY=smoke
METRICS_TOKEN=smoke
TRUSTED_PROXIES=127.0.0.1
EOF
backend=(--env-file "$work/backend.env" "${hardened[@]}")

# The migration command as production runs it: the production compose file's `command: [...]`
# that runs "migrate"
# [copier] if k8s
# or, where there are Kubernetes manifests, their migration Job's.
# [copier] end
migrate_source=docker-compose.prod.yml
# [copier] if k8s
migrate_source=infra/k8s/base/migrate-job.yaml
# [copier] end
step "Migration, as production runs it ($migrate_source)"
mapfile -t migrate_cmd < <(python3 -c 'import json, re, sys; print("\n".join(json.loads(re.search(r"command: (\[[^]]*\"migrate\"[^]]*\])", open(sys.argv[1]).read()).group(1))))' "$ROOT/$migrate_source")
migrate() { engine run --rm --name "$PREFIX-migrate" --network host "${backend[@]}" --security-opt no-new-privileges "$BACKEND_IMAGE" "${migrate_cmd[@]}"; }
check "migrate: '${migrate_cmd[*]}' exits 0" migrate
# Demo content for the pages below: two published articles, no cover images (no S3 here). The
# seed command refuses production settings (it writes demo passwords): development's, once.
engine run --rm --name "$PREFIX-seed" --network host "${backend[@]}" --env DJANGO_ENV=development "$BACKEND_IMAGE" \
    python manage.py seed --articles 2 --no-covers >"$work/seed.log" 2>&1 || { cat "$work/seed.log"; die "seeding failed"; }

step "Celery on a fresh vhost: one worker starts alone, then the rest"
worker() { # queue concurrency: the command of docker-compose.prod.yml's worker-<queue>
    run_container "worker-$1" "$BACKEND_IMAGE" "${backend[@]}" -- \
        celery -A config worker -Q "$1" -n "$1@%h" --concurrency "$2" --loglevel INFO
}
worker emails 2
check "worker-emails is ready" wait_log worker-emails ' ready.' 90
check "the first worker declared the whole topology (no 'Failed to bind')" log_lacks worker-emails 'Failed to bind'
check "the first worker has native delayed delivery" log_lacks worker-emails 'delayed delivery will not be available'
worker default 2
worker low 1
run_container beat "$BACKEND_IMAGE" "${backend[@]}" -- \
    celery -A config beat --scheduler django_celery_beat.schedulers:DatabaseScheduler --loglevel INFO --pidfile /tmp/celerybeat.pid
run_container web "$BACKEND_IMAGE" "${backend[@]}" --env PROMETHEUS_MULTIPROC_DIR=/tmp/prometheus --
check "worker-default is ready" wait_log worker-default ' ready.' 90
check "worker-low is ready" wait_log worker-low ' ready.' 90
check "web: gunicorn answers /healthz" wait_http http://127.0.0.1:8000/healthz 60 -H 'Host: localhost'

step "Frontend and nginx"
run_container frontend "$FRONTEND_IMAGE" "${hardened[@]}" --tmpfs /app/.next/cache:mode=1777 \
    --env HOSTNAME=0.0.0.0 --env BACKEND_URL=http://backend:8000 --env SITE_URL=http://localhost --
check "frontend: Next.js answers" wait_http http://127.0.0.1:3000/ 60
run_container nginx "$NGINX_IMAGE" --volume "$ROOT/infra/nginx/default.conf:/etc/nginx/conf.d/default.conf:ro" --
check "nginx answers /nginx-health" wait_http "$ORIGIN/nginx-health" 30

step "Health"
check "/healthz answers 200" expect_status 200 http://127.0.0.1:8000/healthz
check "/readyz answers 200 (database and cache)" expect_status 200 http://127.0.0.1:8000/readyz
check "web: the image's HEALTHCHECK passes" healthcheck web
check "frontend: the image's HEALTHCHECK passes" healthcheck frontend
for queue in emails default low; do
    # docker-compose.prod.yml's worker health check.
    check "worker-$queue: answers celery inspect ping" engine exec "$PREFIX-worker-$queue" sh -c \
        "celery -A config inspect ping -d \"$queue@\$(python -c 'import socket; print(socket.gethostname())')\" --timeout 10"
done
# shellcheck disable=SC2016 # expanded inside the container
check "beat: its process is alive (compose's health check)" engine exec "$PREFIX-beat" sh -c 'kill -0 "$(cat /tmp/celerybeat.pid)"'
check "nginx: compose's health check (wget /nginx-health)" engine exec "$PREFIX-nginx" wget -q -O /dev/null http://127.0.0.1/nginx-health

step "One origin through nginx (infra/nginx/default.conf)"
check "GET / answers 200 (Next.js)" expect_status 200 "$ORIGIN/"
check "GET /articles/demo-1 answers 200" expect_status 200 "$ORIGIN/articles/demo-1"
missing_article() {
    local i got codes=()
    for i in $(seq 1 10); do
        got="$(status_of "$ORIGIN/articles/no-such-article-$i")"
        codes+=("$got")
    done
    echo "statuses: ${codes[*]}"
    [[ "${codes[*]}" == "404 404 404 404 404 404 404 404 404 404" ]]
}
check "GET /articles/<missing> answers 404, ten times out of ten" missing_article
check "GET /api/v1/articles/ answers 200 (Django)" expect_status 200 "$ORIGIN/api/v1/articles/"
check "GET /static/admin/css/base.css answers 200 (collected static file)" expect_status 200 "$ORIGIN/static/admin/css/base.css"
check "GET /admin/login/ answers 200" expect_status 200 "$ORIGIN/admin/login/"

step "A task published by web, consumed by a worker"
register() {
    local status
    status="$(curl -s -o "$work/register.json" -w '%{http_code}' --max-time 20 -H 'Host: localhost' \
        -H 'Content-Type: application/json' -H 'Accept-Language: en' \
        --data '{"email":"smoke@example.com","password":"a-long-smoke-passphrase-42","first_name":"Smoke","last_name":"Test"}' \
        "$ORIGIN/api/v1/auth/register/")"
    echo "POST /api/v1/auth/register/ answered $status"
    [[ "$status" == 20? ]] || { cat "$work/register.json"; return 1; }
}
check "registration through nginx is accepted" register
mail_arrived() {
    local _
    for _ in $(seq 1 60); do
        if grep -lq 'smoke@example.com' "$work"/mail/*.eml 2>/dev/null; then
            grep -h '^Subject:' "$work"/mail/*.eml
            return 0
        fi
        sleep 1
    done
    echo "no mail to smoke@example.com reached the SMTP sink"
    logs worker-emails | tail -20
    return 1
}
check "worker-emails sent the verification email (captured by the SMTP sink)" mail_arrived
check "worker-emails logged the task's success" wait_log worker-emails 'succeeded in' 10

step "Users and filesystems"
for c in web worker-emails worker-default worker-low beat frontend; do
    check "$c: not root, no capabilities, read-only root filesystem" runs_unprivileged "$c"
done
check "web: gunicorn logged no control-socket error" log_lacks web 'Control server error'
check "web: gunicorn logged no error" log_lacks web '\[ERROR\]'
check "frontend: no unhandled API error in the server log" log_lacks frontend 'Error \[ApiError\]'

step "Graceful stop"
# A second Next.js server whose backend answers after 2 s: a request in flight when SIGTERM
# arrives must still be answered.
python3 - "$SLOW_BACKEND_PORT" <<'PY' &
import http.server, sys, time
class Slow(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        time.sleep(2)
        body = b'{"type":"about:blank","title":"Not found.","status":404,"code":"not_found","detail":"Not found."}'
        self.send_response(404)
        self.send_header("Content-Type", "application/problem+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, *args):
        pass
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Slow).serve_forever()
PY
host_pids+=($!)
run_container frontend-inflight "$FRONTEND_IMAGE" "${hardened[@]}" --tmpfs /app/.next/cache:mode=1777 \
    --env PORT="$SECOND_FRONTEND_PORT" --env BACKEND_URL="http://127.0.0.1:$SLOW_BACKEND_PORT" --env SITE_URL=http://localhost --
in_flight() {
    wait_http "http://127.0.0.1:$SECOND_FRONTEND_PORT/healthz" 60 || { echo "second Next.js server never answered"; return 1; }
    local status_file="$work/inflight.status"
    (curl -s -o /dev/null -w '%{http_code}' --max-time 30 "http://127.0.0.1:$SECOND_FRONTEND_PORT/articles/slow" >"$status_file" || true) &
    local request=$!
    sleep 1
    graceful_stop frontend-inflight 30
    wait "$request"
    echo "the request in flight got $(cat "$status_file")"
    [[ "$(cat "$status_file")" == 404 ]]
}
check "frontend: a request in flight at SIGTERM is answered, then the server exits" in_flight
# [copier] if k8s
# Grace periods: the Kubernetes manifests' (web 30 s, workers 120 s), 30 s where they set none.
# [copier] else
# Grace periods: 30 s, and 120 s for workers (longer than the hard task time limit, 90 s).
# [copier] end
check "nginx stops gracefully" graceful_stop nginx 30
check "frontend stops gracefully" graceful_stop frontend 30
check "web stops gracefully" graceful_stop web 30
check "beat stops gracefully" graceful_stop beat 30
for queue in emails default low; do
    check "worker-$queue stops gracefully" graceful_stop "worker-$queue" 120
done

step "Result"
say "images-smoke: $passes passed, ${#failures[@]} failed, in $((SECONDS - started_at)) s"
if [[ ${#failures[@]} -gt 0 ]]; then
    printf '  failed: %s\n' "${failures[@]}"
    exit 1
fi
