# shellcheck shell=bash disable=SC2034 # ENGINE_BUILD_FLAGS is read by the scripts that source this file
# Sourced by the image scripts (make images, make images-smoke, .ci/base-images.sh): picks the
# container engine and the flags that make Docker and Podman build and run the same way.
#
#   CONTAINER_ENGINE=docker|podman   force one (default: Podman when present, else Docker)
#   PODMAN_RUNTIME=runc|crun         Podman's OCI runtime (default: runc when installed; crun
#                                    fails on cgroup v1 hosts such as the CI machine)
#
# Podman builds with --format docker: the OCI image format has no HEALTHCHECK, so Podman's
# default would silently drop the health checks of both images.

if [[ -n "${CONTAINER_ENGINE:-}" ]]; then
    ENGINE="$CONTAINER_ENGINE"
elif command -v podman >/dev/null 2>&1; then
    ENGINE=podman
elif command -v docker >/dev/null 2>&1; then
    ENGINE=docker
else
    echo "neither podman nor docker is installed" >&2
    exit 2
fi

ENGINE_BUILD_FLAGS=()
if [[ "$ENGINE" == podman ]]; then
    ENGINE_BUILD_FLAGS=(--format docker)
    if [[ -z "${CONTAINERS_CONF:-}" && ! -e /etc/containers/containers.conf ]]; then
        # A config of our own, only for these commands: no default ulimits (raising them
        # fails in unprivileged CI sandboxes) and the chosen runtime.
        runtime="${PODMAN_RUNTIME:-$(command -v runc >/dev/null 2>&1 && echo runc || echo crun)}"
        CONTAINERS_CONF="${TMPDIR:-/tmp}/starter-containers-$(id -u).conf"
        printf '[containers]\ndefault_ulimits = []\n\n[engine]\nruntime = "%s"\n' "$runtime" >"$CONTAINERS_CONF"
        export CONTAINERS_CONF
        unset runtime
    fi
fi

engine() { "$ENGINE" "$@"; }
engine_name() { echo "$ENGINE $("$ENGINE" version --format '{{.Client.Version}}' 2>/dev/null || true)"; }
