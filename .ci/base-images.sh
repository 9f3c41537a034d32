#!/usr/bin/env bash
# CI SUBSTITUTE, NEVER PART OF A RELEASE.
#
# Builds stand-ins for the base images the Dockerfiles name, from Debian packages, on machines
# where no container registry serves images (this project's CI machine reaches the Debian, PyPI
# and npm registries only). They are tagged with the exact names the Dockerfiles and the smoke
# use, so backend/Dockerfile and frontend/Dockerfile build unchanged:
#
#   python:3.13-slim-trixie     Debian trixie minbase + python3 (3.13) from trixie
#   node:22-trixie-slim         Debian trixie minbase + nodejs from trixie (20.x, NOT 22) + npm
#                               from the npm registry, and the image's `node` user (UID 1000)
#   ghcr.io/astral-sh/uv:X      /uv and /uvx taken from uv's PyPI wheel of the same version
#   nginx:1.28-alpine           nginx from trixie (1.26, Debian, NOT Alpine), laid out like the
#                               official image (conf.d/, logs to stdout/stderr, SIGQUIT to stop)
#
# They differ from the real images (Node 20 under a node:22 tag, Debian's nginx 1.26 under an
# Alpine 1.28 tag, Python under /usr/bin instead of /usr/local/bin) and carry this machine's CA
# bundle so builds can reach the registries through its TLS proxy. Every image is labelled
# ci.substitute=true. Never push them anywhere; real builds pull the official images.
#
# An image is rebuilt only when its recipe (this file and the versions below) changed: its
# ci.recipe label holds the hash. FORCE=1 rebuilds everything.
# Usage: .ci/base-images.sh            (needs root for debootstrap; Podman or Docker)
# Services: none
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source-path=SCRIPTDIR source=../infra/scripts/container-engine.sh
source "$ROOT/infra/scripts/container-engine.sh"

SUITE=trixie
# The mirror this machine's apt uses (deb.debian.org unless apt is configured otherwise).
MIRROR="${DEBIAN_MIRROR:-}"
if [[ -z "$MIRROR" ]]; then
    MIRROR="$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null \
        | grep -oE 'https?://[^ ]+/debian/?( |$)' | head -1 | tr -d ' ' || true)"
fi
MIRROR="${MIRROR:-http://deb.debian.org/debian}"
# npm 10 is what the official node:22 image ships.
NPM_VERSION=10.9.8
# The names the Dockerfiles and the smoke pull, read from them so they cannot drift.
PYTHON_IMAGE="$(awk '/^FROM python:/ {print $2; exit}' "$ROOT/backend/Dockerfile")"
UV_IMAGE="$(awk '/^FROM ghcr.io\/astral-sh\/uv:/ {print $2; exit}' "$ROOT/backend/Dockerfile")"
UV_VERSION="${UV_IMAGE##*:}"
NODE_IMAGE="$(awk '/^FROM node:/ {print $2; exit}' "$ROOT/frontend/Dockerfile")"
NGINX_IMAGE="$(sed -n 's/^ *image: \(nginx:.*\)$/\1/p' "$ROOT/docker-compose.prod.yml" | head -1)"

RECIPE="$(cat "${BASH_SOURCE[0]}" | sha256sum | cut -c1-16)-$SUITE-$NPM_VERSION-$UV_VERSION"
ROOTFS_IMAGE="localhost/ci-substitute/debian-$SUITE:$RECIPE"

work="$(mktemp -d /var/tmp/ci-base-images.XXXXXX)"
trap 'rm -rf "$work"' EXIT

say() { printf '  %s\n' "$*"; }

current() { # image: true when it exists and was built from this recipe
    [[ "$(engine image inspect --format '{{ index .Config.Labels "ci.recipe" }}' "$1" 2>/dev/null)" == "$RECIPE" ]]
}

build() { # image context-dir: builds $context/Containerfile
    local image="$1" context="$2"
    engine build --quiet "${ENGINE_BUILD_FLAGS[@]}" --label ci.substitute=true --label "ci.recipe=$RECIPE" \
        --tag "$image" --file "$context/Containerfile" "$context" >/dev/null
}

rootfs() {
    if engine image inspect "$ROOTFS_IMAGE" >/dev/null 2>&1; then
        return 0
    fi
    say "debootstrap $SUITE (minbase) from $MIRROR"
    command -v debootstrap >/dev/null || { echo "debootstrap is required (apt-get install debootstrap)" >&2; exit 2; }
    local dir="$work/rootfs"
    debootstrap --variant=minbase --include=ca-certificates "$SUITE" "$dir" "$MIRROR" >"$work/debootstrap.log" 2>&1 \
        || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
    # This machine's CA bundle: its registries are reached through a TLS-intercepting proxy.
    cp /etc/ssl/certs/ca-certificates.crt "$dir/etc/ssl/certs/ca-certificates.crt"
    # Slim like the official images: no apt lists, docs or locales.
    rm -rf "$dir"/var/lib/apt/lists/* "$dir"/var/cache/apt/*.bin "$dir"/usr/share/doc/* \
        "$dir"/usr/share/man/* "$dir"/usr/share/locale/*
    tar -C "$dir" -c . | engine import \
        --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
        --change 'ENV SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt' \
        --change 'ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt' \
        --change 'CMD ["bash"]' - "$ROOTFS_IMAGE" >/dev/null
}

python_image() {
    current "$PYTHON_IMAGE" && { say "$PYTHON_IMAGE: up to date"; return 0; }
    say "$PYTHON_IMAGE: python3 from $SUITE"
    local ctx="$work/python"
    mkdir -p "$ctx"
    cat >"$ctx/Containerfile" <<EOF
FROM $ROOTFS_IMAGE
RUN apt-get update \\
    && DEBIAN_FRONTEND=noninteractive apt-get install --yes --no-install-recommends python3 python-is-python3 \\
    && rm -rf /var/lib/apt/lists/*
CMD ["python3"]
EOF
    build "$PYTHON_IMAGE" "$ctx"
}

uv_image() {
    current "$UV_IMAGE" && { say "$UV_IMAGE: up to date"; return 0; }
    say "$UV_IMAGE: from the uv $UV_VERSION wheel on PyPI"
    local ctx="$work/uv"
    mkdir -p "$ctx/wheel"
    # Quiet unless it fails: pip's notices about this machine's extra indexes are noise.
    python3 -m pip download --quiet --no-deps --only-binary=:all: --dest "$ctx/wheel" \
        --platform manylinux_2_17_x86_64 --python-version 3.13 "uv==$UV_VERSION" >"$work/pip.log" 2>&1 \
        || { cat "$work/pip.log" >&2; exit 1; }
    python3 -m zipfile -e "$ctx"/wheel/uv-*.whl "$ctx/wheel/x"
    cp "$ctx"/wheel/x/uv-*.data/scripts/uv "$ctx"/wheel/x/uv-*.data/scripts/uvx "$ctx/"
    chmod 0755 "$ctx/uv" "$ctx/uvx"
    printf 'FROM scratch\nCOPY uv uvx /\nENTRYPOINT ["/uv"]\n' >"$ctx/Containerfile"
    build "$UV_IMAGE" "$ctx"
}

node_image() {
    current "$NODE_IMAGE" && { say "$NODE_IMAGE: up to date"; return 0; }
    say "$NODE_IMAGE: nodejs from $SUITE, npm $NPM_VERSION from the npm registry"
    local ctx="$work/node"
    mkdir -p "$ctx"
    (cd "$ctx" && npm pack --silent "npm@$NPM_VERSION" >/dev/null)
    cat >"$ctx/Containerfile" <<EOF
FROM $ROOTFS_IMAGE
RUN apt-get update \\
    && DEBIAN_FRONTEND=noninteractive apt-get install --yes --no-install-recommends nodejs \\
    && rm -rf /var/lib/apt/lists/*
COPY npm-$NPM_VERSION.tgz /tmp/
RUN mkdir -p /usr/local/lib/node_modules/npm \\
    && tar -xzf /tmp/npm-$NPM_VERSION.tgz --strip-components=1 -C /usr/local/lib/node_modules/npm \\
    && rm /tmp/npm-$NPM_VERSION.tgz \\
    && ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \\
    && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \\
    && groupadd --gid 1000 node \\
    && useradd --uid 1000 --gid node --shell /bin/bash --create-home node
CMD ["node"]
EOF
    build "$NODE_IMAGE" "$ctx"
}

nginx_image() {
    current "$NGINX_IMAGE" && { say "$NGINX_IMAGE: up to date"; return 0; }
    say "$NGINX_IMAGE: nginx from $SUITE"
    local ctx="$work/nginx"
    mkdir -p "$ctx"
    cat >"$ctx/nginx.conf" <<'EOF'
user www-data;
worker_processes auto;
error_log /var/log/nginx/error.log notice;
pid /run/nginx.pid;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log /var/log/nginx/access.log;
    sendfile on;
    keepalive_timeout 65;
    include /etc/nginx/conf.d/*.conf;
}
EOF
    cat >"$ctx/Containerfile" <<EOF
FROM $ROOTFS_IMAGE
RUN apt-get update \\
    && DEBIAN_FRONTEND=noninteractive apt-get install --yes --no-install-recommends nginx wget \\
    && rm -rf /var/lib/apt/lists/* /etc/nginx/sites-enabled /etc/nginx/conf.d/* \\
    && ln -sf /dev/stdout /var/log/nginx/access.log \\
    && ln -sf /dev/stderr /var/log/nginx/error.log
COPY nginx.conf /etc/nginx/nginx.conf
EXPOSE 80
STOPSIGNAL SIGQUIT
CMD ["nginx", "-g", "daemon off;"]
EOF
    build "$NGINX_IMAGE" "$ctx"
}

echo "Stand-in base images (CI substitute, never released; recipe $RECIPE, engine $(engine_name))"
uv_image
if ! { current "$PYTHON_IMAGE" && current "$NODE_IMAGE" && current "$NGINX_IMAGE"; }; then
    rootfs
fi
# The three share only the root filesystem: built side by side.
python_image &
pids=($!)
node_image &
pids+=($!)
nginx_image &
pids+=($!)
failed=0
for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
exit "$failed"
