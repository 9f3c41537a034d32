import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

BACKEND_DIR = Path(__file__).resolve().parents[3]


def test_tests_run_with_the_test_environment():
    assert settings.DJANGO_ENV == "test"
    assert settings.PASSWORD_HASHERS == ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.mark.parametrize(("redis_url", "expected"), [("redis://127.0.0.1:6379/9", "300"), ("", "0")])
def test_the_user_cache_is_on_only_with_a_shared_cache(redis_url, expected):
    environment = {key: value for key, value in os.environ.items() if key not in {"REDIS_URL", "DJANGO_ENV"}}
    environment.update({"DJANGO_ENV": "development", "DJANGO_SETTINGS_MODULE": "config.settings"})
    if redis_url:
        environment["REDIS_URL"] = redis_url
    result = subprocess.run(
        [sys.executable, "-c", "from django.conf import settings; print(settings.AUTH_USER_CACHE_SECONDS)"],
        cwd=BACKEND_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.stdout.strip() == expected, result.stderr
