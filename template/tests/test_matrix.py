"""Three answer sets, each rendered and checked: ruff, mypy, tsc, the backend tests, infra-check."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import commit, git, render, run, share_node_modules
from test_default_render import leftovers

pytestmark = [pytest.mark.render, pytest.mark.matrix]

ANSWER_SETS = {
    "no-social-no-k8s": {"social_providers": "none", "k8s": False},
    "both-providers-de-only": {"social_providers": "both", "languages": "de"},
    "everything-on": {
        "social_providers": "both",
        "languages": "both",
        "k8s": True,
        "docs_site": True,
        "license": "Apache-2.0",
    },
}


@pytest.mark.parametrize("answers", ANSWER_SETS.values(), ids=ANSWER_SETS.keys())
def test_answer_set_renders_a_project_that_passes_its_checks(template_repo: Path, tmp_path: Path, answers):
    project = render(template_repo, tmp_path / "acme", **answers)
    share_node_modules(project)

    assert leftovers(project) == []
    # As its README says to: infra-check lists the shell scripts with git.
    git(project, "init", "--quiet")
    git(project, "add", "--all")
    commit(project, "generated")
    run(project, "uv", "sync", "--frozen", "--quiet", cwd="backend")
    run(project, "uv", "run", "ruff", "check", ".", cwd="backend")
    run(project, "uv", "run", "ruff", "format", "--check", ".", cwd="backend")
    run(project, "uv", "run", "mypy", ".", cwd="backend")
    run(project, "npx", "tsc", "--noEmit", cwd="frontend")
    run(project, "scripts/test-backend.sh", "-q", "-p", "no:cacheprovider")
    run(project, "make", "infra-check")
