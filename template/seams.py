"""Blank lines where a kept block's markers stood in a Python file, as ruff wants them.

In the template, ruff puts a blank line on each side of a marker comment in an import block, so
when the markers go and the block stays, the render is left with blank lines inside a section
(`from django...` / blank / `from social_django...`) or two after the imports. `render.py` leaves
a SEAM line where such a marker stood; `join` sets the blank lines there as ruff's isort would:
none between imports of one section, one between sections, one or two after the imports, none
at the end of the file, and elsewhere the longer of the two runs, not their sum. Then the seams go.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable

SEAM = "\0seam\0\n"
IMPORT = re.compile(r"^(?:from\s+([\w.]+)\s+import\b|import\s+([\w.]+))")
IMPORTED_NAME = re.compile(r"^\s+\w+(?:\s+as\s+\w+)?,\s*$")  # a line of `from x import (...)`
DEFINITION = re.compile(r"^(?:def |class |async def |@)")


def section(module: str, is_first_party: Callable[[str], bool]) -> str:
    top = module.split(".", maxsplit=1)[0]
    if top == "__future__":
        return "future"
    if top in sys.stdlib_module_names:
        return "stdlib"
    return "first-party" if is_first_party(top) else "third-party"


def _statement_module(lines: list[str], index: int) -> str | None:
    """The module of the import statement that ends at lines[index] (a one-liner or a closing ')')."""
    if lines[index].startswith(")"):
        index -= 1
        while index > 0 and IMPORTED_NAME.match(lines[index]):
            index -= 1
        if not lines[index].rstrip().endswith("("):
            return None
    match = IMPORT.match(lines[index])
    return (match[1] or match[2]) if match else None


def join(text: str, is_first_party: Callable[[str], bool]) -> str:
    lines = text.splitlines(keepends=True)
    out: list[str] = []
    index = 0
    while index < len(lines):
        if lines[index] != SEAM:
            out.append(lines[index])
            index += 1
            continue
        before = 0
        while out and not out[-1].strip():
            out.pop()
            before += 1
        index += 1
        after = 0
        while index < len(lines) and (lines[index] == SEAM or not lines[index].strip()):
            after += lines[index] != SEAM
            index += 1
        following = lines[index] if index < len(lines) else ""
        previous = _statement_module(out, len(out) - 1) if out else None
        following_import = IMPORT.match(following)
        if not following:
            blanks = 0  # the end of the file: no blank line after the last code
        elif previous and following_import:
            following_module = following_import[1] or following_import[2]
            same = section(previous, is_first_party) == section(following_module, is_first_party)
            blanks = 0 if same else 1
        elif previous and following:
            blanks = 2 if DEFINITION.match(following) else 1
        else:
            blanks = max(before, after)
        out.extend(["\n"] * blanks)
    return "".join(out)
