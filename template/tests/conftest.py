"""Renders projects from a snapshot of this checkout and runs their own commands.

Copier copies from a git repository, so every test copies from `template_repo`: a temporary clone
of this checkout's HEAD plus its uncommitted changes (modified, deleted and untracked files that
git does not ignore), committed there as one "working tree" commit. What is tested is what you
see, committed or not; the real repository is never written to (tags are made in the clone).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import copier
import pytest

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_NAME = "Acme Shop"
# The uv environment of these tests, not the rendered project's.
OWN_VARIABLES = ("VIRTUAL_ENV",)


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def snapshot(destination: Path) -> Path:
    """A clone of ROOT's HEAD with the working tree's changes committed on top."""
    subprocess.run(["git", "clone", "--quiet", "--no-local", str(ROOT), str(destination)], check=True)
    changed = git(ROOT, "ls-files", "-z", "--modified", "--others", "--exclude-standard").split("\0")
    deleted = set(git(ROOT, "ls-files", "-z", "--deleted").split("\0"))
    for name in filter(None, changed):
        target = destination / name
        if name in deleted:
            target.unlink(missing_ok=True)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)
    for name in filter(None, deleted):
        (destination / name).unlink(missing_ok=True)
    git(destination, "add", "--all")
    if git(destination, "status", "--porcelain"):
        commit(destination, "working tree")
    return destination


def commit(repo: Path, message: str) -> None:
    git(
        repo,
        "-c",
        "user.name=template tests",
        "-c",
        "user.email=tests@localhost",
        "commit",
        "--quiet",
        "--no-verify",
        "-m",
        message,
    )


@pytest.fixture(scope="session")
def template_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return snapshot(tmp_path_factory.mktemp("template") / "repo")


def render(src: Path, dst: Path, vcs_ref: str = "HEAD", **answers: object) -> Path:
    copier.run_copy(
        str(src),
        dst,
        data={"project_name": DEFAULT_NAME, **answers},
        defaults=True,
        unsafe=True,
        vcs_ref=vcs_ref,
        quiet=True,
    )
    return dst


def project_env() -> dict[str, str]:
    """The environment a rendered project's commands run in.

    The services are the ones the environment names, as for the template's own `make test`
    (.ci/run: PostgreSQL, Redis, RabbitMQ); TEMPLATE_TEST_DATABASE_URL gives the projects a
    database of their own.
    """
    env = {k: v for k, v in os.environ.items() if k not in OWN_VARIABLES}
    if os.environ.get("TEMPLATE_TEST_DATABASE_URL"):
        env["DATABASE_URL"] = os.environ["TEMPLATE_TEST_DATABASE_URL"]
    # The template's uv (scripts/lib.sh installs it into .tools/uv when none is on PATH).
    env["PATH"] = f"{ROOT / '.tools' / 'uv' / 'bin'}{os.pathsep}{env['PATH']}"
    env.setdefault("UV_PYTHON_DOWNLOADS", "never")
    return env


def run(project: Path, *command: str, cwd: str = ".") -> None:
    """Runs a command in a rendered project; its output is shown when it fails."""
    result = subprocess.run(command, cwd=project / cwd, env=project_env(), capture_output=True, text=True, check=False)
    assert result.returncode == 0, (
        f"{' '.join(command)} failed in {project}:\n{result.stdout[-6000:]}\n{result.stderr[-4000:]}"
    )


def share_node_modules(project: Path) -> None:
    """The frontend's packages from this checkout when the render kept the lockfile as it is.

    A render never changes package.json or the lockfile, so a copy saves an install: hard links
    (seconds, on one filesystem), else a symbolic link, which Jest and tsc follow but `next dev`
    does not (Turbopack refuses packages outside the project). The project's own scripts still
    install when they differ.
    """
    source = ROOT / "frontend" / "node_modules"
    target = project / "frontend" / "node_modules"
    lock = "frontend/package-lock.json"
    if target.exists() or not source.is_dir():
        return
    if (project / lock).read_bytes() != (ROOT / lock).read_bytes():
        return
    copied = subprocess.run(["cp", "-al", str(source), str(target)], capture_output=True, check=False)
    if copied.returncode != 0:
        shutil.rmtree(target, ignore_errors=True)
        target.symlink_to(source, target_is_directory=True)
    # scripts/lib.sh reinstalls when the lockfile is newer than the installed packages.
    os.utime(project / lock, (0, 0))


@pytest.fixture
def project_dir(tmp_path: Path) -> Iterator[Path]:
    yield tmp_path / "project"
