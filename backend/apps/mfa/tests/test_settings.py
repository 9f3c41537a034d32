"""Second-factor settings from the environment: the admin's second factor is on in production by default."""

import pytest

from apps.common.tests.test_production_settings import manage

SHOW = "from django.conf import settings; print(settings.ADMIN_REQUIRE_2FA, settings.WEBAUTHN_RP_ID, settings.WEBAUTHN_ORIGINS)"


def test_production_requires_a_second_factor_at_the_admin_by_default():
    result = manage("shell", "--no-imports", "--command", SHOW, FRONTEND_URL="https://app.example.com")

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "app.example.com", "['https://app.example.com']"]


@pytest.mark.parametrize(("value", "expected"), [("false", "False"), ("true", "True")])
def test_the_environment_decides_when_set(value, expected):
    result = manage("shell", "--no-imports", "--command", SHOW, ADMIN_REQUIRE_2FA=value)

    assert result.stdout.split()[0] == expected


def test_development_does_not_require_it():
    result = manage("shell", "--no-imports", "--command", SHOW, DJANGO_ENV="development")

    assert result.stdout.split()[0] == "False", result.stderr
