#!/usr/bin/env bash
# Deploys one release to the cluster of the current kubectl context.
#
#   infra/scripts/deploy.sh <staging|production> <backend-image> <frontend-image> <release>
#   e.g. infra/scripts/deploy.sh staging ghcr.io/acme/app-backend:v1.4.0 \
#            ghcr.io/acme/app-frontend:v1.4.0 v1.4.0
#
# Order matters (docs/deployment.md):
#   1. namespace, then the config, then the migration Job; wait until it succeeded;
#   2. everything else; wait for every Deployment to roll out.
# Old pods keep serving during 1 and 2, so migrations must be backward compatible.
# Needs only kubectl (kustomize is built in). Used by .github/workflows/release.yml.
# Services: none
set -euo pipefail

if [[ $# -ne 4 ]]; then
    sed -n '2,6p' "$0" >&2
    exit 2
fi
overlay="$1" backend_image="$2" frontend_image="$3" release="$4"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
overlay_dir="$root/infra/k8s/overlays/$overlay"
[[ -d "$overlay_dir" ]] || { echo "deploy: no overlay $overlay_dir" >&2; exit 2; }
namespace="$(awk '/^namespace:/ {print $2}' "$overlay_dir/kustomization.yaml")"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# A throwaway kustomization on top of the overlay pins this release's images and passes the
# release name to Sentry. The image names are the ones base/kustomization.yaml produces.
# It sits in a copy of infra/k8s because kustomize only accepts relative resource paths.
cp -R "$root/infra/k8s" "$work/k8s"
mkdir "$work/k8s/release"
cat >"$work/k8s/release/kustomization.yaml" <<YAML
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - ../overlays/$overlay
images:
  - name: ghcr.io/example/starter-backend
    newName: ${backend_image%:*}
    newTag: ${backend_image##*:}
  - name: ghcr.io/example/starter-frontend
    newName: ${frontend_image%:*}
    newTag: ${frontend_image##*:}
configMapGenerator:
  - name: app-config
    behavior: merge
    literals:
      - SENTRY_RELEASE=$release
YAML
kubectl kustomize "$work/k8s/release" >"$work/manifests.yaml"

echo "deploy: $release to namespace $namespace"
kubectl apply -f "$work/manifests.yaml" -l app.kubernetes.io/component=namespace

if ! kubectl -n "$namespace" get secret app-secrets >/dev/null 2>&1; then
    echo "deploy: Secret app-secrets is missing in $namespace; create it first (infra/k8s/secret.example.yaml lists the keys)" >&2
    exit 1
fi

kubectl apply -f "$work/manifests.yaml" -l app.kubernetes.io/component=config

# A Job's pod template is immutable: replace last release's Job instead of patching it.
kubectl -n "$namespace" delete job migrate --ignore-not-found --wait=true
kubectl apply -f "$work/manifests.yaml" -l app.kubernetes.io/component=migrate
echo "deploy: waiting for migrations"
deadline=$((SECONDS + 900))
while true; do
    succeeded="$(kubectl -n "$namespace" get job migrate -o jsonpath='{.status.succeeded}')"
    failed="$(kubectl -n "$namespace" get job migrate -o jsonpath='{.status.failed}')"
    if [[ "${succeeded:-0}" -ge 1 ]]; then
        break
    fi
    if [[ "${failed:-0}" -ge 1 && -n "$(kubectl -n "$namespace" get job migrate -o jsonpath='{.status.conditions[?(@.type=="Failed")].status}')" ]] \
        || ((SECONDS > deadline)); then
        echo "deploy: migrations failed; nothing else was changed. Logs:" >&2
        kubectl -n "$namespace" logs job/migrate --tail=200 >&2 || true
        exit 1
    fi
    sleep 5
done

kubectl apply -f "$work/manifests.yaml"
for deployment in $(kubectl -n "$namespace" get deployments -l app.kubernetes.io/name=starter -o name); do
    kubectl -n "$namespace" rollout status "$deployment" --timeout=10m
done
echo "deploy: $release is live in $namespace"
