"""Every GitHub workflow job declares the services its scripts need (infra/scripts/validate.sh).

A script states what it needs in a header line, ``# Services: postgresql redis`` (or
``# Services: none``), covering whatever it starts (e.g. scripts/e2e.sh starts a backend
that resets a PostgreSQL database). A job's ``run:`` steps are searched for the scripts they
run, directly (``bash scripts/x.sh``, ``infra/scripts/x.sh``) or through ``make <target>``
(the Makefile's recipes, following prerequisites). The job must have a ``services:`` entry
whose image provides each service. A script a job runs without a ``# Services:`` line fails
too: an undeclared need is how the e2e job came to run without PostgreSQL.

Usage: check_workflow_services.py [--root DIR] WORKFLOW.yml ...   (exit 1 on any problem)
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml

KNOWN_SERVICES = ("postgresql", "redis", "rabbitmq")
# Which service an image provides, by the last part of its repository name.
IMAGE_SERVICES = {"postgres": "postgresql", "postgis": "postgresql", "redis": "redis", "valkey": "redis"}
IMAGE_SERVICES["rabbitmq"] = "rabbitmq"
SCRIPT_PATTERN = re.compile(r"(?<![\w/.-])((?:infra/)?scripts/[\w.-]+\.sh|bench/run\.sh)\b")
MAKE_PATTERN = re.compile(r"\bmake\s+((?:[\w-]+\s*)+)")
SERVICES_LINE = re.compile(r"^#\s*Services:\s*(.+)$", re.MULTILINE)


def makefile_targets(makefile: Path) -> dict[str, tuple[list[str], str]]:
    """target -> (prerequisites, recipe text)."""
    targets: dict[str, tuple[list[str], str]] = {}
    current = None
    for line in makefile.read_text().splitlines():
        match = re.match(r"^([\w-]+):(?!=)([^#]*)", line)
        if match:
            current = match.group(1)
            targets[current] = (match.group(2).split(), "")
        elif line.startswith("\t") and current:
            prerequisites, recipe = targets[current]
            targets[current] = (prerequisites, recipe + line + "\n")
        elif line.strip() and not line.startswith("\t"):
            current = None
    return targets


def scripts_in(text: str, targets: dict[str, tuple[list[str], str]], seen: set[str] | None = None) -> set[str]:
    seen = set() if seen is None else seen
    found = set(SCRIPT_PATTERN.findall(text))
    for group in MAKE_PATTERN.findall(text):
        for target in group.split():
            if target in targets and target not in seen:
                seen.add(target)
                prerequisites, recipe = targets[target]
                found |= scripts_in(recipe, targets, seen)
                found |= scripts_in("make " + " ".join(prerequisites), targets, seen) if prerequisites else set()
    return found


def declared_services(script: Path) -> set[str] | None:
    match = SERVICES_LINE.search(script.read_text())
    if match is None:
        return None
    names = set(match.group(1).split()) - {"none"}
    return names


def job_services(job: dict) -> set[str]:
    provided = set()
    for service in (job.get("services") or {}).values():
        image = (service or {}).get("image", "") if isinstance(service, dict) else str(service)
        repository = image.split(":")[0].split("/")[-1]
        if repository in IMAGE_SERVICES:
            provided.add(IMAGE_SERVICES[repository])
    return provided


def check(root: Path, workflows: list[Path]) -> list[str]:
    targets = makefile_targets(root / "Makefile")
    problems = []
    for workflow in workflows:
        document = yaml.safe_load(workflow.read_text())
        for job_id, job in (document.get("jobs") or {}).items():
            runs = "\n".join(step.get("run", "") for step in job.get("steps") or [] if isinstance(step, dict))
            provided = job_services(job)
            for script in sorted(scripts_in(runs, targets)):
                path = root / script
                if not path.exists():
                    problems.append(f"{workflow}: job {job_id} runs {script}, which does not exist")
                    continue
                needed = declared_services(path)
                if needed is None:
                    problems.append(
                        f"{script}: no '# Services:' line (job {job_id} in {workflow} runs it); "
                        f"name what it needs from {', '.join(KNOWN_SERVICES)}, or 'none'"
                    )
                    continue
                unknown = needed - set(KNOWN_SERVICES)
                if unknown:
                    problems.append(f"{script}: unknown services {sorted(unknown)}")
                missing = needed - provided - unknown
                if missing:
                    problems.append(
                        f"{workflow}: job {job_id} runs {script}, which needs {', '.join(sorted(missing))}, "
                        f"but the job's services provide {', '.join(sorted(provided)) or 'nothing'}"
                    )
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path.cwd())
    parser.add_argument("workflows", nargs="+", type=Path)
    arguments = parser.parse_args()
    problems = check(arguments.root, arguments.workflows)
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
