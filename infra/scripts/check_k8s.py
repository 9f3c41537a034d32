"""Validate rendered Kubernetes manifests offline and print what they ask for.

Usage: python check_k8s.py NAME RENDERED.yaml [--k8s-version 1.31.0 ...]

Run by infra/scripts/validate.sh on `kubectl kustomize` output of every overlay. Checks:
  1. built-in kinds against the Kubernetes OpenAPI schemas (kubernetes-validate, strict:
     unknown fields fail) for each requested Kubernetes version;
  2. custom resources (KEDA, Prometheus Operator) against the subset schemas in
     infra/k8s/schemas (see the README there); any other kind fails: add a schema first;
  3. references between objects: Services, Ingress backends, HPAs, ScaledObjects, PDBs and
     ConfigMaps must point at something that exists in the same render;
  4. the pod hardening and sizing rules this repository promises (docs/deployment.md), and
     the probes: Deployments behind a Service have both; Celery workers are live while they
     answer a ping (manage.py worker_check, for their own node) and ready while the broker
     takes a connection (manage.py broker_check), docs/operations.md#probes;
  5. with --summary-in, that a doc quotes the replica/resource summary verbatim
     (docs/scaling.md does, for staging and production).
Exits 1 on any problem.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import jsonschema
import kubernetes_validate
import yaml

SCHEMA_DIR = Path(__file__).resolve().parents[1] / "k8s" / "schemas"
CRD_SCHEMAS = {
    ("keda.sh/v1alpha1", "ScaledObject"): "scaledobject-keda-v1alpha1.json",
    ("keda.sh/v1alpha1", "TriggerAuthentication"): "triggerauthentication-keda-v1alpha1.json",
    ("monitoring.coreos.com/v1", "ServiceMonitor"): "servicemonitor-monitoring-v1.json",
}
# Created outside kustomize on purpose (infra/k8s/secret.example.yaml).
EXTERNAL_SECRETS = {"app-secrets"}
WORKLOAD_KINDS = {"Deployment", "Job"}


def pod_spec(doc: dict) -> dict:
    return doc["spec"]["template"]["spec"]


def matches(selector: dict, labels: dict) -> bool:
    return all(labels.get(k) == v for k, v in selector.items())


def check(name: str, docs: list[dict], versions: list[str], summary_doc: Path | None = None) -> list[str]:
    problems: list[str] = []
    by_kind: dict[str, dict[str, dict]] = {}
    for doc in docs:
        by_kind.setdefault(doc["kind"], {})[doc["metadata"]["name"]] = doc

    # 1 + 2: schemas.
    for doc in docs:
        ref = f"{doc['kind']}/{doc['metadata']['name']}"
        crd = CRD_SCHEMAS.get((doc["apiVersion"], doc["kind"]))
        if crd:
            schema = json.loads((SCHEMA_DIR / crd).read_text())
            for error in jsonschema.Draft202012Validator(schema).iter_errors(doc):
                problems.append(f"{ref}: {error.json_path}: {error.message}")
            continue
        for version in versions:
            try:
                kubernetes_validate.validate(doc, version, strict=True)
            except kubernetes_validate.SchemaNotFoundError:
                problems.append(
                    f"{ref}: no schema for {doc['apiVersion']} in Kubernetes {version} "
                    "(custom resource? add a schema to infra/k8s/schemas and CRD_SCHEMAS)"
                )
                break
            except kubernetes_validate.ValidationError as error:
                path = "/".join(str(p) for p in error.path)
                problems.append(f"{ref}: Kubernetes {version}: {path}: {error.message}")

    # 3: references.
    workloads = {
        n: d for kind in WORKLOAD_KINDS for n, d in by_kind.get(kind, {}).items()
    }
    pod_labels = {n: d["spec"]["template"]["metadata"].get("labels", {}) for n, d in workloads.items()}
    configmaps = set(by_kind.get("ConfigMap", {}))
    secrets = set(by_kind.get("Secret", {})) | EXTERNAL_SECRETS

    for svc_name, svc in by_kind.get("Service", {}).items():
        sel = svc["spec"].get("selector", {})
        if not any(matches(sel, labels) for labels in pod_labels.values()):
            problems.append(f"Service/{svc_name}: selector {sel} matches no pod template")
    for pdb_name, pdb in by_kind.get("PodDisruptionBudget", {}).items():
        sel = pdb["spec"]["selector"].get("matchLabels", {})
        if not any(matches(sel, labels) for labels in pod_labels.values()):
            problems.append(f"PodDisruptionBudget/{pdb_name}: selector matches no pod template")
    for ing_name, ing in by_kind.get("Ingress", {}).items():
        for rule in ing["spec"].get("rules", []):
            for path in rule["http"]["paths"]:
                backend = path["backend"]["service"]
                svc = by_kind.get("Service", {}).get(backend["name"])
                if not svc:
                    problems.append(f"Ingress/{ing_name}: {path['path']} -> missing Service {backend['name']}")
                    continue
                port = backend["port"].get("name") or backend["port"].get("number")
                if port not in {p.get("name") for p in svc["spec"]["ports"]} | {p["port"] for p in svc["spec"]["ports"]}:
                    problems.append(f"Ingress/{ing_name}: Service {backend['name']} has no port {port}")
    hpa_targets = {h["spec"]["scaleTargetRef"]["name"] for h in by_kind.get("HorizontalPodAutoscaler", {}).values()}
    keda_targets = {s["spec"]["scaleTargetRef"]["name"] for s in by_kind.get("ScaledObject", {}).values()}
    for target in hpa_targets | keda_targets:
        if target not in by_kind.get("Deployment", {}):
            problems.append(f"autoscaler targets missing Deployment {target}")
    for target in hpa_targets & keda_targets:
        problems.append(f"Deployment/{target}: both an HPA and a KEDA ScaledObject scale it")
    for so_name, so in by_kind.get("ScaledObject", {}).items():
        for trigger in so["spec"]["triggers"]:
            auth = trigger.get("authenticationRef", {}).get("name")
            if auth and auth not in by_kind.get("TriggerAuthentication", {}):
                problems.append(f"ScaledObject/{so_name}: missing TriggerAuthentication {auth}")
    for ta_name, ta in by_kind.get("TriggerAuthentication", {}).items():
        for ref in ta["spec"].get("secretTargetRef", []):
            if ref["name"] not in secrets:
                problems.append(f"TriggerAuthentication/{ta_name}: unknown Secret {ref['name']}")
    for dep_name, dep in by_kind.get("Deployment", {}).items():
        scaled = dep_name in hpa_targets | keda_targets
        if scaled and "replicas" in dep["spec"]:
            problems.append(f"Deployment/{dep_name}: autoscaled, so it must not set replicas (each apply would reset them)")
        if not scaled and "replicas" not in dep["spec"]:
            problems.append(f"Deployment/{dep_name}: neither autoscaled nor given replicas")

    # 4: hardening and sizing.
    for wl_name, wl in workloads.items():
        ref = f"{wl['kind']}/{wl_name}"
        spec = pod_spec(wl)
        psc = spec.get("securityContext", {})
        if not psc.get("runAsNonRoot"):
            problems.append(f"{ref}: pod securityContext.runAsNonRoot must be true")
        if psc.get("seccompProfile", {}).get("type") != "RuntimeDefault":
            problems.append(f"{ref}: pod seccompProfile must be RuntimeDefault")
        if spec.get("automountServiceAccountToken") is not False:
            problems.append(f"{ref}: automountServiceAccountToken must be false")
        for container in spec["containers"]:
            cref = f"{ref} container {container['name']}"
            csc = container.get("securityContext", {})
            if csc.get("allowPrivilegeEscalation") is not False:
                problems.append(f"{cref}: allowPrivilegeEscalation must be false")
            if csc.get("readOnlyRootFilesystem") is not True:
                problems.append(f"{cref}: readOnlyRootFilesystem must be true")
            if csc.get("capabilities", {}).get("drop") != ["ALL"]:
                problems.append(f"{cref}: capabilities must drop ALL")
            res = container.get("resources", {})
            for part in ("requests", "limits"):
                for key in ("cpu", "memory"):
                    if key not in res.get(part, {}):
                        problems.append(f"{cref}: resources.{part}.{key} missing")
            image = container["image"]
            if ":" not in image.rsplit("/", 1)[-1] or image.endswith(":latest"):
                problems.append(f"{cref}: image {image} needs an explicit, non-latest tag")
            for source in container.get("envFrom", []):
                if "configMapRef" in source and source["configMapRef"]["name"] not in configmaps:
                    problems.append(f"{cref}: unknown ConfigMap {source['configMapRef']['name']}")
                if "secretRef" in source and source["secretRef"]["name"] not in secrets:
                    problems.append(f"{cref}: unknown Secret {source['secretRef']['name']}")
            if ref.startswith("Deployment/") and wl_name in by_kind.get("Service", {}):
                for probe in ("livenessProbe", "readinessProbe"):
                    if probe not in container:
                        problems.append(f"{cref}: serves traffic, so it needs a {probe}")
            if ref.startswith("Deployment/"):
                problems += worker_probe_problems(cref, container)

    lines = summary_lines(name, by_kind, workloads, hpa_targets, keda_targets)
    counts = ", ".join(f"{len(v)} {k}" for k, v in sorted(by_kind.items()))
    print(lines[0] + f" ({counts})")
    print("\n".join(lines[1:]))
    if summary_doc is not None and "\n".join(lines) not in summary_doc.read_text():
        problems.append(
            f"{summary_doc} does not show this summary: paste the block above (without the counts in "
            "parentheses) into it, so the documented sizes stay the rendered ones"
        )
    return problems


def worker_probe_problems(cref: str, container: dict) -> list[str]:
    """A Celery worker's probes: liveness pings its own node, readiness asks the broker."""
    command = container.get("command", [])
    if command[:1] != ["celery"] or "worker" not in command or "-n" not in command:
        return []
    node = command[command.index("-n") + 1].replace("%h", "$HOSTNAME")

    def probe_command(probe: str) -> str:
        return " ".join(container.get(probe, {}).get("exec", {}).get("command", []))

    problems = []
    if "manage.py worker_check" not in probe_command("livenessProbe") or node not in probe_command("livenessProbe"):
        problems.append(f"{cref}: a worker's livenessProbe runs `manage.py worker_check --node {node}`")
    if "manage.py broker_check" not in probe_command("readinessProbe"):
        problems.append(f"{cref}: a worker's readinessProbe runs `manage.py broker_check`")
    return problems


def summary_lines(name, by_kind, workloads, hpa_targets, keda_targets) -> list[str]:
    lines = [
        f"  {name}: {sum(len(v) for v in by_kind.values())} resources",
        f"    {'workload':<26}{'replicas':<12}{'cpu req/limit':<18}{'memory req/limit'}",
    ]
    for wl_name, wl in sorted(workloads.items()):
        if wl_name in hpa_targets:
            hpa = next(h for h in by_kind["HorizontalPodAutoscaler"].values() if h["spec"]["scaleTargetRef"]["name"] == wl_name)
            replicas = f"{hpa['spec']['minReplicas']}-{hpa['spec']['maxReplicas']} hpa"
        elif wl_name in keda_targets:
            so = next(s for s in by_kind["ScaledObject"].values() if s["spec"]["scaleTargetRef"]["name"] == wl_name)
            replicas = f"{so['spec'].get('minReplicaCount', 0)}-{so['spec']['maxReplicaCount']} keda"
        elif wl["kind"] == "Job":
            replicas = "job"
        else:
            replicas = str(wl["spec"]["replicas"])
        res = pod_spec(wl)["containers"][0]["resources"]
        cpu = f"{res['requests']['cpu']}/{res['limits']['cpu']}"
        mem = f"{res['requests']['memory']}/{res['limits']['memory']}"
        lines.append(f"    {wl['kind'] + '/' + wl_name:<26}{replicas:<12}{cpu:<18}{mem}")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("name")
    parser.add_argument("rendered", type=Path)
    parser.add_argument("--k8s-version", action="append", dest="versions", required=True)
    parser.add_argument("--summary-in", type=Path, help="a doc that must contain the summary verbatim")
    args = parser.parse_args()
    docs = [d for d in yaml.safe_load_all(args.rendered.read_text()) if d]
    problems = check(args.name, docs, args.versions, args.summary_in)
    for problem in problems:
        print(f"    FAIL {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
