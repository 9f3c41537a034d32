# shellcheck shell=bash
# Sourced by the other scripts: finds or installs uv, and fixes the paths.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BACKEND="$ROOT/backend"
FRONTEND="$ROOT/frontend"
TOOLS="$ROOT/.tools"

ensure_uv() {
  if command -v uv >/dev/null 2>&1; then
    UV="$(command -v uv)"
  else
    UV="$TOOLS/uv/bin/uv"
    if [ ! -x "$UV" ]; then
      echo "==> Installing uv into .tools/uv (from PyPI)"
      python3 -m venv "$TOOLS/uv"
      "$TOOLS/uv/bin/pip" install --quiet --disable-pip-version-check uv
    fi
  fi
  export UV
}

backend_sync() {
  ensure_uv
  (cd "$BACKEND" && "$UV" sync --frozen --quiet)
  export_dev_secret_key
  compile_messages
}

# The committed catalogs (backend/locale/*/LC_MESSAGES/django.po) compiled to the .mo files Django
# reads (git-ignored). Without them every email and error message is English.
compile_messages() {
  require_gettext
  (cd "$BACKEND" && "$UV" run python manage.py compilemessages --ignore .venv --verbosity 0)
}

# Django's makemessages and compilemessages run GNU gettext's xgettext, msgmerge and msgfmt.
# Installed here as root (CI machines, containers), as scripts/e2e.sh does with Chromium.
require_gettext() {
  command -v msgfmt >/dev/null 2>&1 && return
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "==> Installing GNU gettext (apt)"
    apt-get update -qq && apt-get install --yes -qq --no-install-recommends gettext >/dev/null
  else
    echo "GNU gettext is missing: install it (Debian/Ubuntu: sudo apt-get install gettext; macOS: brew install gettext)." >&2
    return 1
  fi
}

# Outside production the backend falls back to a random key per process; the make commands pass
# one stable key instead, so logins survive a restart. It lives in .tools/ (git-ignored).
export_dev_secret_key() {
  [ -n "${DJANGO_SECRET_KEY:-}" ] && return
  local key_file="$TOOLS/dev-secret-key"
  if [ ! -s "$key_file" ]; then
    mkdir -p "$TOOLS"
    (umask 077 && python3 -c 'import secrets; print(secrets.token_urlsafe(50))' >"$key_file")
  fi
  DJANGO_SECRET_KEY="$(cat "$key_file")"
  export DJANGO_SECRET_KEY
}

frontend_install() {
  # `npm ci` rejects lockfiles that lack other platforms' optional binaries; install keeps the lock.
  if [ ! -d "$FRONTEND/node_modules" ] || [ "$FRONTEND/package-lock.json" -nt "$FRONTEND/node_modules/.package-lock.json" ]; then
    echo "==> Installing frontend packages"
    (cd "$FRONTEND" && npm install --no-audit --no-fund --loglevel=error)
  fi
}

wait_for_http() {  # url, seconds
  local url="$1" deadline=$((SECONDS + $2))
  until curl -fsS -o /dev/null "$url" 2>/dev/null; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "Timed out waiting for $url" >&2
      return 1
    fi
    sleep 0.5
  done
}
