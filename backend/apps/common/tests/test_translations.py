"""The committed catalogs (backend/locale/) are current and every string has its translations.

Fails when a string marked for translation (``gettext``, ``{% translate %}``) was added or changed
without `make messages` and a translation in each translated language's catalog
(backend/locale/<language>/LC_MESSAGES/django.po).
Needs GNU gettext (``xgettext``, ``msgmerge``), as `make messages` does.
"""

import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command

LOCALE = Path(settings.BASE_DIR) / "locale"
LANGUAGES = [code for code, _name in settings.LANGUAGES]
# English is the source language, whatever the default is: its catalog may leave every msgstr empty.
TRANSLATED = [code for code in LANGUAGES if code != "en"]


def _catalog(root: Path, language: str) -> polib.POFile:
    return polib.pofile(str(root / language / "LC_MESSAGES" / "django.po"))


def _msgids(catalog: polib.POFile) -> set[str]:
    return {entry.msgid for entry in catalog if not entry.obsolete}


def test_committed_catalogs_hold_every_string_marked_for_translation(tmp_path, monkeypatch, settings):
    # makemessages on a copy of the sources, so the committed catalogs stay untouched: it reads
    # the files below the working directory and merges into the catalogs of its locale/ folder.
    for source in ("apps", "config"):
        shutil.copytree(
            Path(settings.BASE_DIR) / source, tmp_path / source, ignore=shutil.ignore_patterns("__pycache__")
        )
    shutil.copytree(LOCALE, tmp_path / "locale", ignore=shutil.ignore_patterns("*.mo"))
    monkeypatch.chdir(tmp_path)
    settings.LOCALE_PATHS = []

    call_command("makemessages", locale=LANGUAGES, verbosity=0)

    for language in LANGUAGES:
        extracted, committed = _msgids(_catalog(tmp_path / "locale", language)), _msgids(_catalog(LOCALE, language))
        assert extracted == committed, (
            f"backend/locale/{language} is stale: new {sorted(extracted - committed)}, "
            f"gone {sorted(committed - extracted)}. Run `make messages` and translate the new entries."
        )


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_string_has_a_reviewed_translation(language):
    catalog = _catalog(LOCALE, language)
    missing = [entry.msgid for entry in catalog.untranslated_entries() + catalog.fuzzy_entries()]
    assert not missing, (
        f"backend/locale/{language}/LC_MESSAGES/django.po lacks translations (or marks them fuzzy) for {missing}: "
        "fill in each msgstr and remove the fuzzy flag."
    )
