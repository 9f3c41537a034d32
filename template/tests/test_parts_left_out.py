"""Parts answered "no" leave nothing behind: no Kubernetes and no docs site, rendered and read."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import render
from test_default_render import traces

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


def test_no_kubernetes_and_no_docs_site_leave_no_mention_behind(template_repo: Path, tmp_path: Path):
    project = render(template_repo, tmp_path / "acme", k8s=False, docs_site=False)

    for name in ALLOWED:
        (project / name).unlink()

    assert traces(project, TRACES) == []
