"""Production refuses embedded defaults; with real values it passes ``check --deploy`` clean."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

BACKEND_DIR = Path(__file__).resolve().parents[3]

PRODUCTION_ENV = {
    "DJANGO_ENV": "production",
    "DJANGO_SECRET_KEY": "p" * 20 + "-production-secret-for-the-settings-test-only-" + "q" * 20,
    "DJANGO_ALLOWED_HOSTS": "example.com",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/unused",
    "REDIS_URL": "redis://127.0.0.1:6379/9",
    "CELERY_BROKER_URL": "amqp://guest:guest@127.0.0.1:5672//",
    "AWS_STORAGE_BUCKET_NAME": "media",
    "EMAIL_URL": "smtp://127.0.0.1:1025",
    "METRICS_TOKEN": "metrics-token",
}


def manage(*args: str, **overrides: str) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items() if key not in PRODUCTION_ENV}
    environment.update(PRODUCTION_ENV)
    environment.update(overrides)
    environment = {key: value for key, value in environment.items() if value != ""}
    return subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, "manage.py", *args],
        cwd=BACKEND_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_passes_check_deploy_with_real_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING")

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    ("missing", "message"),
    [
        ("DJANGO_SECRET_KEY", "DJANGO_SECRET_KEY must be set"),
        ("DATABASE_URL", "DATABASE_URL must point at PostgreSQL"),
        ("REDIS_URL", "REDIS_URL must be set"),
        ("CELERY_BROKER_URL", "CELERY_BROKER_URL must be set"),
        ("AWS_STORAGE_BUCKET_NAME", "AWS_STORAGE_BUCKET_NAME must be set"),
        ("EMAIL_URL", "EMAIL_URL must point at a real mail service"),
        ("DJANGO_ALLOWED_HOSTS", "DJANGO_ALLOWED_HOSTS must list"),
    ],
)
def test_production_refuses_to_start_on_an_embedded_default(missing, message):
    result = manage("check", **{missing: ""})

    assert result.returncode != 0
    assert message in result.stderr


def test_production_refuses_debug():
    result = manage("check", DJANGO_DEBUG="true")

    assert "DJANGO_DEBUG must be false" in result.stderr


def test_an_unknown_environment_name_is_refused():
    result = manage("check", DJANGO_ENV="staging")

    assert "DJANGO_ENV='staging' is not known" in result.stderr


@pytest.mark.parametrize(("cache_seconds", "refused"), [("1800", False), ("1801", True)])
def test_cached_responses_may_not_outlive_their_presigned_image_urls(cache_seconds, refused):
    result = manage("check", CONTENT_CACHE_SECONDS=cache_seconds, AWS_QUERYSTRING_EXPIRE="3600")

    assert (result.returncode != 0) == refused, result.stderr
    assert ("must be at most half of AWS_QUERYSTRING_EXPIRE" in result.stderr) == refused
