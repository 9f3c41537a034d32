import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache as default_cache
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django_redis.cache import RedisCache
from rest_framework.test import APIRequestFactory

from apps.common.throttling import AnonRateThrottle, UserRateThrottle

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["configured", "local-memory"])
def throttle_cache(request):
    """Redis when REDIS_URL is set (always in CI), and the development fallback."""
    if request.param == "configured":
        return default_cache
    return LocMemCache("throttle-test", {})


def _throttle(cache, rate: str, now: list[float]) -> AnonRateThrottle:
    throttle = AnonRateThrottle()
    throttle.cache = cache
    throttle.rate = rate
    throttle.num_requests, throttle.duration = throttle.parse_rate(rate)
    throttle.timer = lambda: now[0]
    return throttle


def _request(ip: str = "203.0.113.7"):
    request = APIRequestFactory().get("/api/v1/tags/", REMOTE_ADDR=ip)
    request.user = AnonymousUser()
    return request


def test_the_limit_holds_within_a_window_and_resets_with_the_next(throttle_cache):
    now = [1_000_040.0]  # 20 s into a minute (1_000_020 is a multiple of 60)
    throttle = _throttle(throttle_cache, "3/min", now)

    assert [throttle.allow_request(_request(), None) for _ in range(4)] == [True, True, True, False]
    assert throttle.wait() == pytest.approx(40.0)
    assert _throttle(throttle_cache, "3/min", now).allow_request(_request("198.51.100.1"), None)

    now[0] += 40.0
    assert throttle.allow_request(_request(), None)


def test_the_counter_expires_with_its_window_in_redis():
    if not isinstance(caches["default"], RedisCache):
        pytest.skip("needs REDIS_URL (set in CI)")
    throttle = _throttle(default_cache, "5/min", [1_000_020.0])
    throttle.allow_request(_request(), None)

    ttl = default_cache.ttl(f"{throttle.key}:1000020")
    assert 0 < ttl <= 61


def test_the_user_limit_counts_per_user_and_ignores_anonymous_requests(user, throttle_cache):
    throttle = UserRateThrottle()
    throttle.cache = throttle_cache
    throttle.rate = "1/min"
    throttle.num_requests, throttle.duration = 1, 60
    signed_in = _request()
    signed_in.user = user

    assert throttle.allow_request(signed_in, None)
    assert not throttle.allow_request(signed_in, None)
    assert all(throttle.allow_request(_request(), None) for _ in range(3))


def test_going_over_the_global_limit_is_a_429_in_the_problem_shape(api_client, monkeypatch, settings):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {**AnonRateThrottle.THROTTLE_RATES, "anon": "2/min"})
    settings.CONTENT_CACHE_SECONDS = 0  # cache hits skip the throttle

    statuses = [api_client.get("/api/v1/tags/").status_code for _ in range(3)]

    assert statuses == [200, 200, 429]
    response = api_client.get("/api/v1/tags/")
    assert response["Content-Type"].startswith("application/problem+json")
    assert response.json()["code"] == "throttled"
    assert 0 < int(response["Retry-After"]) <= 60
