#!/usr/bin/env bash
# Serves the documentation site with live reload (`make docs`): http://127.0.0.1:8001
# Uses the pinned toolchain in .tools/ (installed on first use by validate.sh), so the
# preview renders exactly like CI's strict build. Port 8001 leaves 8000 to Django.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
bash infra/scripts/validate.sh tools >/dev/null
exec .tools/venv/bin/mkdocs serve --dev-addr "${DOCS_ADDR:-127.0.0.1:8001}" "$@"
