"""Parts answered "no" leave nothing behind: no Kubernetes and no docs site, rendered and read."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import render
from test_default_render import SKIPPED

pytestmark = pytest.mark.render

# What only the Kubernetes manifests and the documentation site bring.
TRACES = re.compile(r"(?i)kubectl|infra/k8s|\bk8s\b|kustomize|\bKEDA\b|kubernetes|mkdocs|make docs")
# Files that name them on purpose:
ALLOWED = {
    # The answers, `k8s: false` and `docs_site: false` among them: `copier update` reads them.
    ".copier-answers.yml",
    # The template's questions, the `k8s` one too: the project can switch a part on later
    # (`copier update --data k8s=true`), so the page says what each one brings.
    "docs/template.md",
}


def traces(project: Path) -> list[str]:
    found = []
    for path in sorted(project.rglob("*")):
        relative = path.relative_to(project)
        if SKIPPED.intersection(relative.parts) or not path.is_file() or str(relative) in ALLOWED:
            continue
        if TRACES.search(str(relative)):
            found.append(f"{relative} (its name)")
        raw = path.read_bytes()
        if b"\0" in raw:
            continue
        for number, line in enumerate(raw.decode("utf-8", "replace").splitlines(), start=1):
            if TRACES.search(line):
                found.append(f"{relative}:{number}: {line.strip()[:120]}")
    return found


def test_no_kubernetes_and_no_docs_site_leave_no_mention_behind(template_repo: Path, tmp_path: Path):
    project = render(template_repo, tmp_path / "acme", k8s=False, docs_site=False)

    assert traces(project) == []
