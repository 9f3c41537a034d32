"""Prints the CHANGELOG.md section of one template release: the notes of its GitHub release.

A tag without its own section, or a section without an **Upgrading** note, is an error, so a
release cannot go out without telling generated projects what to do (docs/template.md).

Usage: release_notes.py vX.Y.Z [CHANGELOG]   (default: CHANGELOG.md beside this folder)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

CHANGELOG = Path(__file__).resolve().parent.parent / "CHANGELOG.md"
VERSION = re.compile(r"^v\d+\.\d+\.\d+$")


class ReleaseNotesError(ValueError):
    pass


def release_notes(changelog: str, version: str) -> str:
    if not VERSION.match(version):
        raise ReleaseNotesError(f"{version!r} is not a release tag (vX.Y.Z)")
    lines = changelog.splitlines()
    try:
        start = lines.index(f"## {version}") + 1
    except ValueError:
        raise ReleaseNotesError(f"CHANGELOG.md has no '## {version}' section") from None
    end = next((i for i in range(start, len(lines)) if lines[i].startswith("## ")), len(lines))
    section = "\n".join(lines[start:end]).strip()
    if "### Upgrading" not in section:
        raise ReleaseNotesError(f"the '## {version}' section of CHANGELOG.md has no '### Upgrading' note")
    return section + "\n"


def main(argv: list[str]) -> int:
    if len(argv) not in {2, 3}:
        print(__doc__, file=sys.stderr)
        return 2
    path = Path(argv[2]) if len(argv) == 3 else CHANGELOG
    try:
        print(release_notes(path.read_text(encoding="utf-8"), argv[1]), end="")
    except ReleaseNotesError as error:
        print(f"release_notes.py: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
