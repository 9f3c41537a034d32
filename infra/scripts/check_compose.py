"""Repository rules for the compose files that no schema expresses.

Usage: python check_compose.py docker-compose.yml docker-compose.prod.yml

  * every long-running service has a healthcheck (its own or its Dockerfile's HEALTHCHECK);
    only one-shot services (restart "no", or only ever awaited with
    service_completed_successfully) may disable it;
  * every depends_on entry names a condition, and service_healthy points at a service
    that has a healthcheck;
  * every ${VARIABLE} the files interpolate is documented in .env.example, and so is every
    variable of the project contract (docs/getting-started.md links the file);
  * the production file has no bind mounts and no development servers.
Run by infra/scripts/validate.sh with the tools venv (PyYAML).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
# Every variable of the project contract (/tmp/contract.md, "Environment variables").
CONTRACT_VARIABLES = """
DJANGO_ENV DJANGO_SECRET_KEY DJANGO_DEBUG DJANGO_ALLOWED_HOSTS DJANGO_ADMIN_URL DATABASE_URL
REDIS_URL CELERY_BROKER_URL CELERY_RESULT_BACKEND EMAIL_URL DEFAULT_FROM_EMAIL FRONTEND_URL
CORS_ALLOWED_ORIGINS CSRF_TRUSTED_ORIGINS AWS_STORAGE_BUCKET_NAME AWS_S3_REGION_NAME
AWS_S3_ENDPOINT_URL AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_S3_PUBLIC_ENDPOINT_URL
SENTRY_DSN SENTRY_ENVIRONMENT SENTRY_RELEASE SENTRY_TRACES_SAMPLE_RATE
JWT_ACCESS_TOKEN_LIFETIME_SECONDS JWT_REFRESH_TOKEN_LIFETIME_DAYS
ACCOUNTS_REQUIRE_EMAIL_VERIFICATION METRICS_TOKEN LOG_LEVEL LOG_FORMAT GUNICORN_WORKERS BACKEND_URL
SOCIAL_AUTH_GITHUB_KEY SOCIAL_AUTH_GITHUB_SECRET
SOCIAL_AUTH_GOOGLE_OAUTH2_KEY SOCIAL_AUTH_GOOGLE_OAUTH2_SECRET
""".split()
INTERPOLATION = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)")
DEV_SERVERS = ("runserver", "npm run dev", "next dev")


def documented_variables() -> set[str]:
    names = set()
    for line in (ROOT / ".env.example").read_text().splitlines():
        match = re.match(r"^#?\s*([A-Z][A-Z0-9_]*)=", line)
        if match:
            names.add(match.group(1))
    return names


def dockerfile_has_healthcheck(service: dict, compose_dir: Path) -> bool:
    build = service.get("build")
    if not build:
        return False
    context = build if isinstance(build, str) else build.get("context", ".")
    dockerfile = compose_dir / context / (build.get("dockerfile", "Dockerfile") if isinstance(build, dict) else "Dockerfile")
    target = build.get("target") if isinstance(build, dict) else None
    if not dockerfile.exists():
        return False
    stage = None
    for line in dockerfile.read_text().splitlines():
        from_match = re.match(r"^FROM\s+\S+(?:\s+AS\s+(\S+))?", line, re.IGNORECASE)
        if from_match:
            stage = from_match.group(1)
        elif line.startswith("HEALTHCHECK") and (target is None or stage == target):
            return True
    return False


def check_file(path: Path, documented: set[str]) -> list[str]:
    problems: list[str] = []
    text = path.read_text()
    data = yaml.safe_load(text)
    services: dict[str, dict] = data["services"]
    production = "prod" in path.name

    awaited_completion = {
        dep
        for svc in services.values()
        for dep, spec in (svc.get("depends_on") or {}).items()
        if isinstance(spec, dict) and spec.get("condition") == "service_completed_successfully"
    }

    def has_healthcheck(name: str) -> bool:
        hc = services[name].get("healthcheck")
        if hc is not None:
            return not hc.get("disable", False)
        return dockerfile_has_healthcheck(services[name], path.parent)

    for name, svc in services.items():
        one_shot = svc.get("restart") == "no" or name in awaited_completion
        if not has_healthcheck(name) and not one_shot:
            problems.append(f"{path.name}: service {name} has no healthcheck")
        deps = svc.get("depends_on") or {}
        if isinstance(deps, list):
            problems.append(f"{path.name}: service {name}: depends_on must use the long form with a condition")
            deps = {}
        for dep, spec in deps.items():
            if dep not in services:
                problems.append(f"{path.name}: service {name} depends on unknown service {dep}")
                continue
            condition = (spec or {}).get("condition")
            if condition is None:
                problems.append(f"{path.name}: service {name} -> {dep}: depends_on needs a condition")
            elif condition == "service_healthy" and not has_healthcheck(dep):
                problems.append(f"{path.name}: service {name} waits for {dep} to be healthy, but {dep} has no healthcheck")
        if production:
            for volume in svc.get("volumes") or []:
                source = volume.split(":", 1)[0] if isinstance(volume, str) else volume.get("source", "")
                kind = "bind" if isinstance(volume, str) and source.startswith((".", "/", "~")) else (
                    volume.get("type") if isinstance(volume, dict) else "volume"
                )
                if kind == "bind":
                    problems.append(f"{path.name}: service {name} bind-mounts {source}; production uses images only")
            command = svc.get("command") or ""
            command = " ".join(command) if isinstance(command, list) else command
            if any(server in command for server in DEV_SERVERS):
                problems.append(f"{path.name}: service {name} runs a development server")

    for variable in sorted(set(INTERPOLATION.findall(text)) - documented):
        problems.append(f"{path.name}: ${{{variable}}} is not documented in .env.example")
    return problems


def main(paths: list[str]) -> int:
    documented = documented_variables()
    problems = [f".env.example: contract variable {v} is not documented" for v in CONTRACT_VARIABLES if v not in documented]
    for path in paths:
        problems += check_file(ROOT / path, documented)
    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        print(f"{len(paths)} compose files follow the rules; .env.example documents {len(documented)} variables")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
