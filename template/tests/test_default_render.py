"""The default answers: a project with no trace of the starter, whose own `make test` passes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from conftest import DEFAULT_NAME, ROOT, render, run, share_node_modules

import render as render_script

# What must not survive a render: the starter's name, its domains, template markers and
# Copier placeholders, and the template's own machinery.
LEFTOVERS = re.compile(
    r"(?i:starter)|app\.example\.com|staging\.example\.com|\[copier\]|\{\{\s*_copier|\{\{\s*project_"
)
MACHINERY = ("copier.yml", "template", "CHANGELOG.md", "{{_copier_conf.answers_file}}.jinja")
SKIPPED = {".git", "node_modules", ".venv", ".tools", ".next", ".mypy_cache", ".ruff_cache", ".pytest_cache"}

pytestmark = pytest.mark.render


def leftovers(project: Path) -> list[str]:
    return traces(project, LEFTOVERS)


def traces(project: Path, pattern: re.Pattern[str]) -> list[str]:
    """The files (by name) and lines of the project that `pattern` finds."""
    found = []
    for path in project.rglob("*"):
        relative = path.relative_to(project)
        if SKIPPED.intersection(relative.parts) or not path.is_file() or path.is_symlink():
            continue
        if pattern.search(str(relative)):
            found.append(f"{relative} (its name)")
        raw = path.read_bytes()
        if b"\0" in raw:
            continue
        for number, line in enumerate(raw.decode("utf-8", "replace").splitlines(), start=1):
            if pattern.search(line):
                found.append(f"{relative}:{number}: {line.strip()[:120]}")
    return found


@pytest.fixture(scope="module")
def default_project(template_repo: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return render(template_repo, tmp_path_factory.mktemp("default") / "acme")


def test_no_starter_name_domain_or_placeholder_is_left(default_project: Path):
    assert leftovers(default_project) == []


def test_template_machinery_stays_in_the_template(default_project: Path):
    assert [name for name in MACHINERY if (default_project / name).exists()] == []
    assert (ROOT / "copier.yml").exists()


def test_answers_file_records_the_answers_for_copier_update(default_project: Path):
    answers = yaml.safe_load((default_project / ".copier-answers.yml").read_text())

    assert answers["project_name"] == DEFAULT_NAME
    assert answers["project_slug"] == "acmeshop"
    assert answers["_commit"]
    assert set(answers) - {"_commit", "_src_path"} == set(render_script.Answers.__dataclass_fields__)


def test_secrets_differ_between_renders_and_stay_out_of_the_answers(
    default_project: Path, template_repo: Path, tmp_path: Path
):
    other = render(template_repo, tmp_path / "other")
    ours, theirs = (dict_of_env(p / ".env") for p in (default_project, other))
    answers = (default_project / ".copier-answers.yml").read_text()

    for name in render_script.GENERATED_SECRETS:
        assert ours[name] != theirs[name], name
        assert len(ours[name]) >= 32, name
        assert ours[name] not in answers, name
        assert ours[name] not in (default_project / ".env.example").read_text(), name
    assert ".env" in (default_project / ".gitignore").read_text().split()


def dict_of_env(path: Path) -> dict[str, str]:
    lines = [line.split("=", 1) for line in path.read_text().splitlines() if "=" in line and not line.startswith("#")]
    return {name: value for name, value in lines}


def test_make_test_passes_in_the_rendered_project(default_project: Path):
    share_node_modules(default_project)

    run(default_project, "make", "test")
