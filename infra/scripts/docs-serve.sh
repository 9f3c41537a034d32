#!/usr/bin/env bash
# Serves the documentation site with live reload (`make docs`): http://127.0.0.1:8001
# Uses the pinned toolchain in .tools/ (installed on first use by validate.sh), so the
# preview renders like CI's build. Port 8001 leaves 8000 to Django.
# Services: none
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
bash infra/scripts/validate.sh tools >/dev/null
# --no-strict: a preview should keep serving while you fix a broken link; the warnings
# still print here, and `make infra-check` / CI build strictly.
NO_MKDOCS_2_WARNING=1 exec .tools/venv/bin/mkdocs serve --no-strict \
    --dev-addr "${DOCS_ADDR:-127.0.0.1:8001}" "$@"
