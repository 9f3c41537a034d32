#!/usr/bin/env bash
# Runs infra/nginx/default.conf in a local nginx with two stub upstreams and checks the
# one-origin routing (ADR 0005): which paths reach Django, which reach Next.js, that
# /metrics stays closed and that X-Request-ID / X-Forwarded-Proto pass through.
# Needs an nginx binary (Debian: apt-get install nginx-light); validate.sh skips this
# check when there is none. Listens on 127.0.0.1 ports 18080, 18001 and 13001 only.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d)"
pids=()
cleanup() {
    if [[ -f "$work/nginx.pid" ]]; then nginx -c "$work/nginx.conf" -s stop 2>/dev/null || true; fi
    if [[ ${#pids[@]} -gt 0 ]]; then kill "${pids[@]}" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

# The compose host names become the stub servers; the port becomes a free local one.
sed -e 's/server backend:8000;/server 127.0.0.1:18001;/' \
    -e 's/server frontend:3000;/server 127.0.0.1:13001;/' \
    -e 's/listen 80 default_server;/listen 127.0.0.1:18080 default_server;/' \
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
stub 18001 django
stub 13001 next

wait_for() { # url
    local _
    for _ in $(seq 1 100); do
        curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
        sleep 0.1
    done
    echo "FAIL  $1 did not answer" >&2
    return 1
}
wait_for http://127.0.0.1:18001/
wait_for http://127.0.0.1:13001/

nginx -t -q -c "$work/nginx.conf"
nginx -c "$work/nginx.conf"
wait_for http://127.0.0.1:18080/nginx-health

failures=0
expect() { # path expected-start-of-body [curl args...]
    local path="$1" want="$2" got
    shift 2
    got="$(curl -s "$@" "http://127.0.0.1:18080$path" || true)"
    if [[ "$got" == "$want"* ]]; then
        echo "ok    $path -> $want"
    else
        echo "FAIL  $path: expected '$want', got '${got:0:60}'"
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
[[ "$failures" -eq 0 ]]
