#!/usr/bin/env bash
# The template's own tests (make test-template, make test-template-matrix, .ci/run, CI): pytest
# with Copier's API from template/uv.lock. Arguments go to pytest.
# Services: none
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=../scripts/lib.sh
source "$(dirname "$0")/../scripts/lib.sh"
export UV_PYTHON_DOWNLOADS="${UV_PYTHON_DOWNLOADS:-never}"
# The rendered projects install their own packages: from the same uv and npm caches, and the
# frontend links this checkout's node_modules (template/tests/conftest.py), so install them here.
ensure_uv
frontend_install
cd "$ROOT/template"
"$UV" sync --frozen --quiet
"$UV" run --frozen pytest "$@"
