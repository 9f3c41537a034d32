"""One language: the other one leaves no file, setting, locale or test behind.

English stays the source language in every project (en.json types the messages and the unit
tests render with it; gettext msgids are English), so a German-only project keeps en.json.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import render, run, share_node_modules
from test_default_render import leftovers

pytestmark = pytest.mark.render

# Only in a project that offers both languages.
BOTH_ONLY = (
    "frontend/src/components/layout/locale-switcher.tsx",
    "frontend/src/features/account/components/language-preference.tsx",
    "frontend/e2e/german-sign-up.spec.ts",
)
GERMAN = ("frontend/messages/de.json", "backend/locale/de")
# Where a dropped language would still be named as a locale or a language setting.
LOCALE_FILES = ("frontend/src/i18n/routing.ts", "backend/config/settings/base.py")


@pytest.fixture(scope="module", params=["en", "de"])
def single_language_project(request, template_repo: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return render(template_repo, tmp_path_factory.mktemp(request.param) / "acme", languages=request.param)


def language_of(project: Path) -> str:
    return re.search(r"languages: (\w+)", (project / ".copier-answers.yml").read_text())[1]


def test_a_single_language_project_has_no_switcher_choice_or_other_catalog(single_language_project: Path):
    project, language = single_language_project, language_of(single_language_project)
    dropped = {"en": GERMAN, "de": ("backend/locale/en",)}[language]

    assert leftovers(project) == []
    assert [name for name in BOTH_ONLY + dropped if (project / name).exists()] == []
    assert (project / "frontend/messages/en.json").exists()  # the source catalog, in every project
    # The switcher's and the choice's messages went with them.
    assert [p.name for p in (project / "frontend/messages").glob("*.json") if "localeName" in p.read_text()] == []


def test_a_single_language_project_names_only_its_language(single_language_project: Path):
    project, language = single_language_project, language_of(single_language_project)
    other = {"en": "de", "de": "en"}[language]

    for name in LOCALE_FILES:
        text = (project / name).read_text()
        assert f'"{language}"' in text, name
        assert f'"{other}"' not in text, name
    if language == "en":
        german = [str(p.relative_to(project)) for p in (project / "frontend").rglob("*.ts*") if is_german(p)]
        assert german == []


def is_german(path: Path) -> bool:
    """A frontend source or test that still reads the German catalog or renders in German."""
    if "node_modules" in path.parts:
        return False
    text = path.read_text(encoding="utf-8")
    return "messages/de.json" in text or 'locale="de"' in text


@pytest.mark.matrix
def test_a_single_language_project_passes_its_frontend_tests_and_api_checks(single_language_project: Path):
    project = single_language_project
    share_node_modules(project)

    run(project, "npx", "tsc", "--noEmit", cwd="frontend")
    run(project, "npx", "jest", "--ci", cwd="frontend")
    # The committed schema and client carry no language enum, so they match every answer.
    run(project, "make", "schema-check", "client-check")
    # A subset, so without the coverage threshold of the whole suite.
    subset = ("-k", "language or email or translation")
    run(project, "scripts/test-backend.sh", "-q", "-p", "no:cacheprovider", "--no-cov", *subset)
