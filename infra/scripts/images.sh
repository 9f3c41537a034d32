#!/usr/bin/env bash
# `make images`: builds the production images of the backend and the frontend with Docker or
# Podman, whichever is present (infra/scripts/container-engine.sh), tagged as
# docker-compose.prod.yml names them by default: starter-backend:production and
# starter-frontend:production (BACKEND_IMAGE / FRONTEND_IMAGE override).
# Podman builds with --format docker, so the images keep their HEALTHCHECK.
# Usage: infra/scripts/images.sh [backend|frontend ...]   (default: both)
# Services: none
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source-path=SCRIPTDIR source=container-engine.sh
source "$ROOT/infra/scripts/container-engine.sh"
BACKEND_IMAGE="${BACKEND_IMAGE:-starter-backend:production}"
FRONTEND_IMAGE="${FRONTEND_IMAGE:-starter-frontend:production}"

build() { # component image
    local component="$1" image="$2" started log
    started=$SECONDS
    log="$(mktemp)"
    if ! engine build "${ENGINE_BUILD_FLAGS[@]}" --target production --tag "$image" \
        "$ROOT/$component" >"$log" 2>&1; then
        tail -40 "$log" >&2
        rm -f "$log"
        echo "FAIL  $component: $ENGINE build failed" >&2
        return 1
    fi
    rm -f "$log"
    local size
    size="$(engine image inspect --format '{{.Size}}' "$image")"
    printf 'ok    %s: %s built in %ss (%s MB)\n' "$component" "$image" "$((SECONDS - started))" "$((size / 1000000))"
}

components=("$@")
[[ ${#components[@]} -gt 0 ]] || components=(backend frontend)
echo "Building with $(engine_name)"
for component in "${components[@]}"; do
    case "$component" in
    backend) build backend "$BACKEND_IMAGE" ;;
    frontend) build frontend "$FRONTEND_IMAGE" ;;
    *) echo "unknown component '$component' (backend frontend)" >&2; exit 2 ;;
    esac
done
