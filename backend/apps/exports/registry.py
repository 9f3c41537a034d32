"""The sections of a personal data export, and the archive they write into.

The sections are registered in one place, ``apps/exports/sections.py`` (imported by
``ExportsConfig.ready()``): the account, the avatar and, when apps.content is
installed, the comments. Personal data added elsewhere gets a writer there::

    export_section_register(name="comments", write=comments_write)

``write(user=..., archive=...)`` puts files into the archive. Sections run in
registration order; the export's progress advances as each one finishes.
"""

import json
from dataclasses import dataclass
from typing import IO, Any, Protocol
from zipfile import ZIP_DEFLATED, ZipFile

from django.core.serializers.json import DjangoJSONEncoder

from apps.accounts.models import User


class ExportArchive:
    """The zip being built: JSON documents and copies of stored files."""

    def __init__(self, file: IO[bytes]) -> None:
        self._zip = ZipFile(file, mode="w", compression=ZIP_DEFLATED)

    def write_json(self, path: str, data: Any) -> None:
        self._zip.writestr(path, json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False))

    def write_stream(self, path: str, stream: IO[bytes]) -> None:
        with self._zip.open(path, mode="w") as target:
            while chunk := stream.read(1024 * 1024):
                target.write(chunk)

    def __enter__(self) -> "ExportArchive":
        return self

    def __exit__(self, *exc_info: object) -> None:
        # Also on error: an unclosed ZipFile would write to its buffer after the buffer is gone.
        self._zip.close()


class SectionWriter(Protocol):
    def __call__(self, *, user: User, archive: ExportArchive) -> None: ...


@dataclass(frozen=True)
class ExportSection:
    name: str
    write: SectionWriter


_sections: dict[str, ExportSection] = {}


def export_section_register(*, name: str, write: SectionWriter) -> None:
    """Adds (or, registered again under the same name, replaces) a section."""
    _sections[name] = ExportSection(name=name, write=write)


def export_sections() -> list[ExportSection]:
    return list(_sections.values())


def export_section_unregister(*, name: str) -> None:
    """Removes a section: for an app being switched off, and for tests adding their own."""
    _sections.pop(name, None)
