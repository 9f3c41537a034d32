"""The default answers: a project with no trace of the starter, whose own `make test` passes."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
import yaml

import render as render_script
from conftest import DEFAULT_NAME, ROOT, project_env, render, run, share_node_modules

# What must not survive a render: the starter's name, its domains, template markers and
# Copier placeholders, and the template's own machinery.
LEFTOVERS = re.compile(
    r"(?i:starter)|app\.example\.com|staging\.example\.com|\[copier\]|\{\{\s*_copier|\{\{\s*project_"
)
MACHINERY = ("copier.yml", "template", "CHANGELOG.md", "{{_copier_conf.answers_file}}.jinja")
SKIPPED = {".git", "node_modules", ".venv", ".tools", ".next", ".mypy_cache", ".ruff_cache", ".pytest_cache"}

pytestmark = pytest.mark.render


def leftovers(project: Path) -> list[str]:
    found = []
    for path in project.rglob("*"):
        relative = path.relative_to(project)
        if SKIPPED.intersection(relative.parts) or not path.is_file() or path.is_symlink():
            continue
        if LEFTOVERS.search(str(relative)):
            found.append(f"{relative} (its name)")
        raw = path.read_bytes()
        if b"\0" in raw:
            continue
        for number, line in enumerate(raw.decode("utf-8", "replace").splitlines(), start=1):
            if LEFTOVERS.search(line):
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


# What a newcomer's shell has: none of the services the template's own tests are pointed at.
SERVICE_VARIABLES = ("DATABASE_URL", "REDIS_URL", "CONTENT_REDIS_URL", "CELERY_BROKER_URL")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def page(url: str, deadline: float, log: Path) -> str:
    """The page's HTML once it answers 200 (the dev servers compile on the first request)."""
    while True:
        try:
            with urllib.request.urlopen(url, timeout=60) as response:
                return response.read().decode("utf-8")
        except OSError as error:
            if time.monotonic() > deadline:
                detail = error.read().decode("utf-8", "replace")[:2000] if hasattr(error, "read") else ""
                pytest.fail(f"{url}: {error}\n{detail}\nmake dev:\n{log.read_text()[-6000:]}")
            time.sleep(1)


def test_make_dev_serves_the_project_under_its_name(default_project: Path, tmp_path: Path):
    share_node_modules(default_project)
    env = {k: v for k, v in project_env().items() if k not in SERVICE_VARIABLES}
    api, web = free_port(), free_port()
    log_path = tmp_path / "make-dev.log"
    log = log_path.open("w")
    server = subprocess.Popen(
        ["make", "dev", f"API_PORT={api}", f"WEB_PORT={web}"],
        cwd=default_project,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 300
        home = page(f"http://localhost:{web}/", deadline, log_path)
        admin = page(f"http://127.0.0.1:{api}/admin/login/", deadline, log_path)
        api_docs = page(f"http://127.0.0.1:{api}/api/docs/", deadline, log_path)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)
        log.close()

    assert f"<title>{DEFAULT_NAME}</title>" in home
    assert DEFAULT_NAME in admin
    assert f"<title>{DEFAULT_NAME} API</title>" in api_docs
    for html in (home, admin, api_docs):
        assert "starter" not in html.lower()
