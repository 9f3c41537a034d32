"""`copier update`: a project rendered from an earlier template version takes the newer one."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import NamedTuple

import copier
import pytest

from conftest import commit, git, render, run

pytestmark = pytest.mark.render

# A template change the project must receive, and a project change the update must keep.
TEMPLATE_CHANGE = ("docs/development.md", "\nA line the next template release adds.\n")
PROJECT_CHANGE = ("backend/config/settings/base.py", "\n# The project's own setting.\nACME_SETTING = True\n")


class Updated(NamedTuple):
    project: Path
    from_snapshot: bool  # rendered from the snapshot itself, not from an earlier release


def previous_release(repo: Path) -> str | None:
    """The newest vX.Y.Z tag that is already a Copier template (has copier.yml), if any."""
    for tag in git(repo, "tag", "--list", "v*.*.*", "--sort=-v:refname").split():
        has_template = subprocess.run(["git", "cat-file", "-e", f"{tag}:copier.yml"], cwd=repo, check=False)
        if has_template.returncode == 0:
            return tag
    return None


@pytest.fixture(scope="module")
def updated(template_repo: Path, tmp_path_factory: pytest.TempPathFactory) -> Updated:
    """A project rendered from the previous version, changed and committed, then updated to HEAD."""
    # The "previous version": the last release tag, else this very snapshot; the "next version"
    # is HEAD with one more change on top. Tags are made in the temporary clone only.
    old_ref = os.environ.get("TEMPLATE_UPDATE_FROM") or previous_release(template_repo) or "HEAD"
    git(template_repo, "tag", "--force", "v0.0.1", old_ref)
    project = render(template_repo, tmp_path_factory.mktemp("update") / "acme", vcs_ref="v0.0.1")
    git(project, "init", "--quiet")
    git(project, "add", "--all")
    commit(project, "generated")
    append(project, *PROJECT_CHANGE)
    git(project, "add", "--all")
    commit(project, "our change")

    append(template_repo, *TEMPLATE_CHANGE)
    git(template_repo, "add", "--all")
    commit(template_repo, "template change")
    git(template_repo, "tag", "--force", "v999.0.0")

    copier.run_update(project, vcs_ref="v999.0.0", defaults=True, overwrite=True, unsafe=True, quiet=True)
    return Updated(project, from_snapshot=old_ref == "HEAD")


def test_update_applies_without_conflicts_and_keeps_the_projects_change(updated: Updated):
    updated_project = updated.project
    status = git(updated_project, "status", "--porcelain")

    assert "<<<<<<<" not in git(updated_project, "diff"), status
    assert not [line for line in status.splitlines() if line.startswith(("UU", "AA")) or line.endswith(".rej")]
    assert TEMPLATE_CHANGE[1].strip() in (updated_project / TEMPLATE_CHANGE[0]).read_text()
    assert "ACME_SETTING = True" in (updated_project / PROJECT_CHANGE[0]).read_text()
    assert "_commit: v999.0.0" in (updated_project / ".copier-answers.yml").read_text()
    if updated.from_snapshot:
        # Rendered from this very snapshot: only the template's change may arrive, so the
        # render over an existing project is stable (nothing else rewritten).
        assert status.split() == ["M", ".copier-answers.yml", "M", TEMPLATE_CHANGE[0]], status


@pytest.mark.matrix
def test_updated_project_passes_the_backend_tests(updated: Updated):
    run(updated.project, "scripts/test-backend.sh", "-q", "-x", "-p", "no:cacheprovider")


def append(repo: Path, name: str, text: str) -> None:
    with (repo / name).open("a", encoding="utf-8") as file:
        file.write(text)
