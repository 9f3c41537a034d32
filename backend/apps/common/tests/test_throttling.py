"""The request limits are DRF's throttles, counted in the default cache; every 429 is a problem document."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

from apps.common.tests.problems import problem_of

pytestmark = pytest.mark.django_db

BACKEND_DIR = Path(__file__).resolve().parents[3]
TAGS = "/api/v1/tags/"
ME = "/api/v1/users/me/"


def test_going_over_the_anonymous_limit_is_a_429_in_the_problem_shape(api_client, monkeypatch, settings):
    monkeypatch.setitem(AnonRateThrottle.THROTTLE_RATES, "anon", "2/min")
    settings.CONTENT_CACHE_SECONDS = 0  # cache hits skip the throttle

    statuses = [api_client.get(TAGS).status_code for _ in range(3)]

    assert statuses == [200, 200, 429]
    response = api_client.get(TAGS)
    problem_of(response, 429, "throttled")
    assert 0 < int(response["Retry-After"]) <= 60


def test_the_user_limit_counts_per_user(user, monkeypatch):
    monkeypatch.setitem(UserRateThrottle.THROTTLE_RATES, "user", "2/min")
    client = APIClient()
    client.force_authenticate(user=user)

    statuses = [client.get(ME).status_code for _ in range(3)]

    assert statuses == [200, 200, 429]
    assert 0 < int(client.get(ME)["Retry-After"]) <= 60
    other = APIClient()
    other.force_authenticate(user=type(user).objects.create_user(email="other@example.com"))
    assert other.get(ME).status_code == 200


def test_the_counts_live_in_the_shared_cache(user):
    client = APIClient()
    client.force_authenticate(user=user)

    client.get(ME)

    # DRF's key for the user scope; with REDIS_URL set every web process sees the same count.
    assert len(cache.get(f"throttle_user_{user.pk}")) == 1


@pytest.mark.parametrize(("value", "expected"), [("", "None"), ("7/min", "7/min")])
def test_an_empty_rate_in_the_environment_switches_the_limit_off(value, expected):
    environment = {**os.environ, "THROTTLE_USER_RATE": value}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from django.conf import settings; print(settings.REST_FRAMEWORK['DEFAULT_THROTTLE_RATES']['user'])",
        ],
        cwd=BACKEND_DIR,
        env={**environment, "DJANGO_SETTINGS_MODULE": "config.settings"},
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.stdout.strip() == expected, result.stderr


def test_a_switched_off_limit_lets_every_request_through(user, monkeypatch):
    monkeypatch.setitem(UserRateThrottle.THROTTLE_RATES, "user", None)
    client = APIClient()
    client.force_authenticate(user=user)

    assert all(client.get(ME).status_code == 200 for _ in range(5))
    assert cache.get(f"throttle_user_{user.pk}") is None
