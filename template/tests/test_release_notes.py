"""template/release_notes.py: the notes of a template release come from its CHANGELOG.md section."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import release_notes

CHANGELOG = """# Changelog

## Unreleased

## v0.2.0

- Faster lists.

### Upgrading

Run `make migrate`.

## v0.1.0

- First.
"""


def test_the_section_of_the_tag_up_to_the_next_release():
    assert release_notes.release_notes(CHANGELOG, "v0.2.0") == (
        "- Faster lists.\n\n### Upgrading\n\nRun `make migrate`.\n"
    )


@pytest.mark.parametrize(
    ("version", "message"),
    [
        ("v0.3.0", "no '## v0.3.0' section"),
        ("v0.1.0", "no '### Upgrading' note"),
        ("0.2.0", "not a release tag"),
        ("v0.2", "not a release tag"),
    ],
)
def test_a_release_without_its_section_or_upgrading_note_is_refused(version, message):
    with pytest.raises(release_notes.ReleaseNotesError, match=message):
        release_notes.release_notes(CHANGELOG, version)


def test_every_tagged_release_of_this_repository_has_its_notes():
    root = Path(release_notes.__file__).resolve().parent.parent
    changelog = (root / "CHANGELOG.md").read_text(encoding="utf-8")
    versions = [line.removeprefix("## ") for line in changelog.splitlines() if line.startswith("## v")]

    assert versions, "CHANGELOG.md lists no release"
    for version in versions:
        assert "### Upgrading" in release_notes.release_notes(changelog, version)


def test_the_command_prints_the_notes_or_fails_with_the_reason(tmp_path: Path):
    changelog = tmp_path / "CHANGELOG.md"
    changelog.write_text(CHANGELOG, encoding="utf-8")
    script = Path(release_notes.__file__)

    ok = subprocess.run([sys.executable, script, "v0.2.0", changelog], capture_output=True, text=True, check=False)
    missing = subprocess.run([sys.executable, script, "v9.9.9", changelog], capture_output=True, text=True, check=False)

    assert (ok.returncode, ok.stdout) == (0, "- Faster lists.\n\n### Upgrading\n\nRun `make migrate`.\n")
    assert missing.returncode == 1
    assert "no '## v9.9.9' section" in missing.stderr
