import re
from pathlib import Path

import pytest
from django.conf import settings

BACKEND_DIR = Path(__file__).resolve().parents[3]


def test_tests_run_with_the_test_environment():
    assert settings.DJANGO_ENV == "test"
    assert settings.PASSWORD_HASHERS == ["django.contrib.auth.hashers.MD5PasswordHasher"]


SETTINGS_DIR = BACKEND_DIR / "config" / "settings"
REPO_DIR = BACKEND_DIR.parent
# env.str("NAME", ...), env.db("NAME", ...), env.email_url("NAME", ...) and the other readers.
ENV_READ = re.compile(r"\benv\.\w+\(\s*\"([A-Z][A-Z0-9_]*)\"")


def variables_read_by_settings() -> set[str]:
    return {name for path in SETTINGS_DIR.glob("*.py") for name in ENV_READ.findall(path.read_text())}


def test_the_settings_read_variables_through_the_one_reader():
    assert len(variables_read_by_settings()) > 50, "the pattern no longer finds the settings' env reads"


@pytest.mark.parametrize("listing", [".env.example", "docs/configuration.md"])
def test_every_variable_the_settings_read_is_documented(listing):
    text = (REPO_DIR / listing).read_text()
    documented = set(re.findall(r"\b[A-Z][A-Z0-9_]{2,}\b", text))

    missing = sorted(variables_read_by_settings() - documented)

    assert not missing, f"List {', '.join(missing)} in {listing} (name, default, what it does)."


def test_nothing_outside_the_settings_reads_the_environment():
    readers = re.compile(r"os\.environ(\[|\.get\b)|os\.getenv|environ\.Env\(")
    offenders = [
        str(path.relative_to(BACKEND_DIR))
        for folder in ("apps", "config")
        for path in (BACKEND_DIR / folder).rglob("*.py")
        if "tests" not in path.parts and path.parent != SETTINGS_DIR and readers.search(path.read_text())
    ]

    assert not offenders, f"Read the environment in config/settings/ and use django.conf.settings in {offenders}."
