#!/usr/bin/env bash
# Runs infra/nginx/default.conf in a local nginx with two stub upstreams and checks the
# one-origin routing (ADR 0005): which paths reach Django, which reach Next.js, that
# /metrics stays closed and that X-Request-ID / X-Forwarded-Proto pass through; then that
# nginx itself refuses oversized request lines and headers (414, 431) and answers a missing
# Django (503) in the problem format, before gunicorn would answer its own HTML.
# Needs an nginx binary (Debian: apt-get install nginx-light); validate.sh skips this
# check when there is none. Listens on 127.0.0.1 only: ports 18080, 18001 and 13001, or
# NGINX_CHECK_PORT, NGINX_CHECK_DJANGO_PORT and NGINX_CHECK_NEXT_PORT.
# Services: none
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PORT="${NGINX_CHECK_PORT:-18080}"
DJANGO_PORT="${NGINX_CHECK_DJANGO_PORT:-18001}"
NEXT_PORT="${NGINX_CHECK_NEXT_PORT:-13001}"
work="$(mktemp -d)"
pids=()
cleanup() {
    if [[ -n "${NGINX_CHECK_KEEP_LOG:-}" ]]; then cp "$work/error.log" "$NGINX_CHECK_KEEP_LOG" 2>/dev/null || true; fi
    if [[ -f "$work/nginx.pid" ]]; then nginx -c "$work/nginx.conf" -s stop 2>/dev/null || true; fi
    if [[ ${#pids[@]} -gt 0 ]]; then kill "${pids[@]}" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

# The compose host names become the stub servers; the port becomes a free local one.
sed -e "s/server backend:8000;/server 127.0.0.1:$DJANGO_PORT;/" \
    -e "s/server frontend:3000;/server 127.0.0.1:$NEXT_PORT;/" \
    -e "s/listen 80 default_server;/listen 127.0.0.1:$PORT default_server;/" \
    -e "s#access_log /var/log/nginx/access.log main_rid;#access_log $work/access.log main_rid;#" \
    "$ROOT/infra/nginx/default.conf" >"$work/site.conf"
cat >"$work/nginx.conf" <<EOF
pid $work/nginx.pid;
error_log $work/error.log;
events {}
http {
    client_body_temp_path $work/body;
    proxy_temp_path $work/proxy;
    fastcgi_temp_path $work/fastcgi;
    uwsgi_temp_path $work/uwsgi;
    scgi_temp_path $work/scgi;
    include $work/site.conf;
}
EOF

# Each stub answers "<name> <X-Forwarded-Proto> <X-Request-ID>".
stub() {
    python3 - "$1" "$2" <<'PY' &
import http.server, sys
port, name = int(sys.argv[1]), sys.argv[2]
class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = f"{name} {self.headers.get('X-Forwarded-Proto')} {self.headers.get('X-Request-ID')}".encode()
        self.send_response(200)
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, *args):
        pass
http.server.HTTPServer(("127.0.0.1", port), Handler).serve_forever()
PY
    pids+=($!)
}
stub "$DJANGO_PORT" django
stub "$NEXT_PORT" next

wait_for() { # url
    local _
    for _ in $(seq 1 100); do
        curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
        sleep 0.1
    done
    echo "FAIL  $1 did not answer" >&2
    return 1
}
wait_for "http://127.0.0.1:$DJANGO_PORT/"
wait_for "http://127.0.0.1:$NEXT_PORT/"

nginx -t -q -c "$work/nginx.conf"
nginx -c "$work/nginx.conf"
wait_for "http://127.0.0.1:$PORT/nginx-health"

failures=0
expect() { # path expected-start-of-body [curl args...]
    local path="$1" want="$2" got
    shift 2
    got="$(curl -s "$@" "http://127.0.0.1:$PORT$path" || true)"
    if [[ "$got" == "$want"* ]]; then
        echo "ok    ${path:0:40} -> $want"
    else
        echo "FAIL  ${path:0:40}: expected '$want', got '${got:0:60}'"
        failures=$((failures + 1))
    fi
}
expect /api/v1/articles/ "django http "
expect /admin/ "django"
expect /static/admin/css/base.css "django"
expect /media/avatars/1.webp "django"
expect / "next"
expect /en/articles/hello "next"
expect /nginx-health "ok"
expect /metrics "<html>"
expect /api/v1/x "django https abc-123" -H "X-Forwarded-Proto: https" -H "X-Request-ID: abc-123"

# expect_problem path status code [curl args...]: nginx answered (not the stub) with a problem
# document of this status and code, as application/problem+json.
expect_problem() {
    local path="$1" status="$2" code="$3" got
    shift 3
    got="$(curl -s -o "$work/response" -D "$work/headers" -w '%{http_code} %{content_type}' "$@" \
        "http://127.0.0.1:$PORT$path" || true)"
    if [[ "$got" == "$status application/problem+json" ]] \
        && python3 -c 'import json, sys; b = json.load(open(sys.argv[1])); assert (b["status"], b["code"]) == (int(sys.argv[2]), sys.argv[3]) and b["requestId"]' \
            "$work/response" "$status" "$code" 2>/dev/null; then
        echo "ok    ${path:0:40}... -> $status $code"
    else
        echo "FAIL  ${path:0:40}...: expected $status $code as problem+json, got '$got' $(head -c 120 "$work/response")"
        failures=$((failures + 1))
    fi
}
long() { python3 -c "print('a' * $1, end='')"; }
# Just within the limits it still reaches Django: the limits refuse only what gunicorn would.
expect "/api/v1/$(long 4000)" "django"
expect /api/v1/x "django" -H "X-Long: $(long 4000)"
expect_problem "/api/v1/$(long 5000)" 414 uri_too_long
expect_problem "/$(long 5000)" 414 uri_too_long
expect_problem /api/v1/x 431 request_header_fields_too_large -H "X-Long: $(long 5000)"
expect_problem /api/v1/x 431 request_header_fields_too_large -H "Cookie: $(long 5000)"
# Five headers of 4,000 bytes: each fits a buffer, together they do not.
expect_problem /api/v1/x 431 request_header_fields_too_large \
    -H "X-A: $(long 4000)" -H "X-B: $(long 4000)" -H "X-C: $(long 4000)" -H "X-D: $(long 4000)" -H "X-E: $(long 4000)"
expect_problem /api/v1/x 400 bad_request -H "Host:"
expect_problem /api/v1/x 413 payload_too_large --data-binary "@-" < <(long $((11 * 1024 * 1024)))

# Django gone: the API answers a problem with Retry-After, not nginx's HTML 502.
kill "${pids[0]}"
wait "${pids[0]}" 2>/dev/null || true
expect_problem /api/v1/articles/ 503 service_unavailable
if grep -qi '^retry-after: 30' "$work/headers"; then
    echo "ok    503 carries Retry-After"
else
    echo "FAIL  503 without Retry-After"
    failures=$((failures + 1))
fi
[[ "$failures" -eq 0 ]]
