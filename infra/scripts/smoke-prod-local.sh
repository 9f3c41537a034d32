#!/usr/bin/env bash
# Runs the production shape without Docker and checks it answers like it should:
#   nginx (infra/nginx/default.conf) -> gunicorn with the image's exact CMD and production
#   settings, and -> the Next.js standalone server laid out as in the image (read-only,
#   only .next/cache writable), with S3 served by moto.
# For machines without a Docker engine; CI's `compose` job covers the containers.
#
# Needs: nginx, uv, node/npm, and PostgreSQL, Redis and RabbitMQ reachable at the URLs
# below (defaults: the local services of .ci/run). Creates and drops a scratch database
# "smoke_<pid>", and listens on 127.0.0.1 ports 18080 (nginx), 18001 (gunicorn),
# 45661 (moto) and 13001 (Next.js; it binds 0.0.0.0, see frontend/Dockerfile).
# Usage: infra/scripts/smoke-prod-local.sh     (takes a few minutes: it builds the frontend)
# Services: none
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PG_SERVER="${SMOKE_PG_SERVER:-postgres://postgres@127.0.0.1:5432}"
REDIS_URL="${SMOKE_REDIS_URL:-redis://127.0.0.1:6379/12}"
BROKER_URL="${SMOKE_BROKER_URL:-amqp://guest:guest@127.0.0.1:5672//}"
DB="smoke_$$"

for tool in nginx uv node npm psql curl; do
    command -v "$tool" >/dev/null || { echo "smoke: $tool is required" >&2; exit 2; }
done

work="$(mktemp -d)"
pids=()
cleanup() {
    [[ -f "$work/nginx/nginx.pid" ]] && nginx -c "$work/nginx/nginx.conf" -s stop 2>/dev/null
    if [[ ${#pids[@]} -gt 0 ]]; then kill "${pids[@]}" 2>/dev/null || true; fi
    psql "$PG_SERVER/postgres" -qc "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true
    chmod -R u+w "$work" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

wait_for() { # url [curl args]
    local url="$1" _
    shift
    for _ in $(seq 1 120); do
        curl -fsS -o /dev/null "$@" "$url" 2>/dev/null && return 0
        sleep 0.5
    done
    echo "smoke: $url did not answer" >&2
    return 1
}

echo "==> backend: production settings against scratch database $DB"
psql "$PG_SERVER/postgres" -qc "CREATE DATABASE $DB" >/dev/null
mkdir -p "$work/backend"
# A copy, so collectstatic and the run leave the working tree alone.
tar -C "$ROOT/backend" --exclude=.venv --exclude=staticfiles --exclude=media \
    --exclude='*.sqlite3' -cf - . | tar -C "$work/backend" -xf -
(cd "$ROOT/backend" && uv sync --frozen --quiet)
export PATH="$ROOT/backend/.venv/bin:$PATH"
secret_key="$(python -c 'import secrets; print(secrets.token_urlsafe(64))')"
export DJANGO_ENV=production \
    DJANGO_SECRET_KEY="$secret_key" \
    DJANGO_ALLOWED_HOSTS=localhost,127.0.0.1 \
    DJANGO_SECURE_SSL_REDIRECT=false \
    DATABASE_URL="$PG_SERVER/$DB" \
    REDIS_URL="$REDIS_URL" \
    CELERY_BROKER_URL="$BROKER_URL" \
    AWS_STORAGE_BUCKET_NAME=media \
    AWS_S3_ENDPOINT_URL=http://127.0.0.1:45661 \
    AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test \
    EMAIL_URL=smtp://127.0.0.1:25 \
    METRICS_TOKEN=smoke-token \
    TRUSTED_PROXIES=127.0.0.1 \
    GUNICORN_WORKERS=2
moto_server -H 127.0.0.1 -p 45661 >"$work/moto.log" 2>&1 &
pids+=($!)
wait_for http://127.0.0.1:45661/moto-api/
python -c "import boto3; boto3.client('s3', endpoint_url='http://127.0.0.1:45661', region_name='us-east-1').create_bucket(Bucket='media')"
(cd "$work/backend" && python manage.py migrate --noinput >/dev/null && python manage.py collectstatic --noinput >/dev/null)
# The production image's CMD, read from the Dockerfile so this cannot drift from it.
gunicorn_cmd="$(python - "$ROOT/backend/Dockerfile" <<'PY'
import json, sys
lines = open(sys.argv[1]).read().splitlines()
cmd = json.loads([l for l in lines if l.startswith("CMD ")][-1][4:])
print(cmd[2].replace("0.0.0.0:8000", "127.0.0.1:18001"))
PY
)"
# Like the web pods: only gunicorn gets PROMETHEUS_MULTIPROC_DIR, and the CMD creates it.
(cd "$work/backend" && PROMETHEUS_MULTIPROC_DIR="$work/prometheus" exec sh -c "$gunicorn_cmd") \
    >"$work/gunicorn.log" 2>&1 &
pids+=($!)
wait_for http://127.0.0.1:18001/healthz -H "Host: localhost"

echo "==> frontend: standalone build, laid out as in the image"
mkdir -p "$work/fe-src"
# The working tree as it is (like the backend copy), minus local build output.
tar -C "$ROOT/frontend" --exclude=node_modules --exclude=.next --exclude=coverage \
    --exclude=test-results --exclude=playwright-report -cf - . | tar -C "$work/fe-src" -xf -
cp -al "$ROOT/frontend/node_modules" "$work/fe-src/node_modules" 2>/dev/null \
    || (cd "$work/fe-src" && npm install --no-audit --no-fund --loglevel=error)
mkdir -p "$work/fe-src/public"
(cd "$work/fe-src" && BACKEND_URL=http://127.0.0.1:18001 NEXT_TELEMETRY_DISABLED=1 npm run build >"$work/next-build.log" 2>&1) \
    || { tail -30 "$work/next-build.log" >&2; exit 1; }
mkdir -p "$work/fe"
cp -R "$work/fe-src/.next/standalone/." "$work/fe/"
mkdir -p "$work/fe/.next/static" "$work/fe/.next/cache"
cp -R "$work/fe-src/.next/static/." "$work/fe/.next/static/"
cp -R "$work/fe-src/public" "$work/fe/public"
chmod -R a-w "$work/fe" && chmod u+w "$work/fe/.next/cache"
(cd "$work/fe" && NODE_ENV=production PORT=13001 HOSTNAME=0.0.0.0 BACKEND_URL=http://127.0.0.1:18001 \
    SITE_URL=http://localhost NEXT_TELEMETRY_DISABLED=1 exec node server.js) >"$work/next.log" 2>&1 &
pids+=($!)
wait_for http://127.0.0.1:13001/

echo "==> nginx: infra/nginx/default.conf in front of both"
mkdir -p "$work/nginx"
sed -e 's/server backend:8000;/server 127.0.0.1:18001;/' \
    -e 's/server frontend:3000;/server 127.0.0.1:13001;/' \
    -e 's/listen 80 default_server;/listen 127.0.0.1:18080 default_server;/' \
    -e "s#access_log /var/log/nginx/access.log main_rid;#access_log $work/nginx/access.log main_rid;#" \
    "$ROOT/infra/nginx/default.conf" >"$work/nginx/site.conf"
cat >"$work/nginx/nginx.conf" <<EOF
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events {}
http {
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi;
    uwsgi_temp_path $work/nginx/uwsgi;
    scgi_temp_path $work/nginx/scgi;
    include $work/nginx/site.conf;
}
EOF
nginx -c "$work/nginx/nginx.conf"
wait_for http://127.0.0.1:18080/nginx-health

echo "==> checks (as a browser behind TLS: X-Forwarded-Proto: https)"
failures=0
check() { # description expected-status path [grep-pattern-in-headers-or-body]
    local what="$1" want="$2" path="$3" pattern="${4:-}" got
    got="$(curl -s -D "$work/headers" -o "$work/body" -w '%{http_code}' \
        -H 'Host: localhost' -H 'X-Forwarded-Proto: https' "http://127.0.0.1:18080$path")"
    if [[ "$got" != "$want" ]] || { [[ -n "$pattern" ]] && ! grep -qi -- "$pattern" "$work/headers" "$work/body"; }; then
        echo "FAIL  $what: $path answered $got${pattern:+, looked for \"$pattern\"}"
        failures=$((failures + 1))
    else
        echo "ok    $what ($path -> $got)"
    fi
}
check "home page rendered by Next.js" 200 / "<title>"
check "API through nginx" 200 /api/v1/tags/ "application/json"
check "HSTS on API responses" 200 /api/v1/tags/ "strict-transport-security"
check "request ID returned" 200 /api/v1/tags/ "x-request-id"
check "API docs closed in production" 404 /api/docs/ "application/problem+json"
check "CSP on the admin" 302 /admin/ "content-security-policy: .*default-src 'none'"
check "Swagger UI's files collected (for API_DOCS_PUBLIC)" 200 \
    /static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js "javascript"
check "oversized URL refused by nginx, not gunicorn" 414 "/api/v1/$(python3 -c "print('a' * 5000, end='')")" \
    "application/problem+json"
check "static files from whitenoise" 200 /static/admin/css/base.css "text/css"
check "admin asks for a login" 302 /admin/ "location: .*/admin/login/"
check "metrics closed at the edge" 404 /metrics
if grep -q '"GET /api/v1/' "$work/gunicorn.log" && grep -q 'axios' "$work/gunicorn.log"; then
    echo "ok    server-side rendering called Django directly"
else
    echo "FAIL  no server-side call from Next.js reached gunicorn"
    failures=$((failures + 1))
fi
code="$(curl -s -o "$work/metrics" -w '%{http_code}' -H 'Host: localhost' \
    -H 'Authorization: Bearer smoke-token' http://127.0.0.1:18001/metrics)"
if [[ "$code" == 200 ]] && ls "$work/prometheus"/*.db >/dev/null 2>&1; then
    echo "ok    /metrics with the token -> 200, gunicorn processes write $work/prometheus"
else
    echo "FAIL  /metrics answered $code, or no multiprocess files in $work/prometheus"
    failures=$((failures + 1))
fi
for probe in /healthz /readyz; do
    code="$(curl -s -o /dev/null -w '%{http_code}' -H 'Host: localhost' "http://127.0.0.1:18001$probe")"
    if [[ "$code" == 200 ]]; then echo "ok    probe $probe (Host: localhost) -> 200"; else
        echo "FAIL  probe $probe answered $code"
        failures=$((failures + 1))
    fi
done
if [[ "$failures" -gt 0 ]]; then
    echo "--- gunicorn log"; tail -20 "$work/gunicorn.log"
    echo "--- next log"; tail -20 "$work/next.log"
    exit 1
fi
echo "smoke: production shape answers as expected"
