"""Security state and the content cache can live on two Redis servers (CONTENT_REDIS_URL): an
eviction policy is per server, so only a server of their own keeps counters safe from a flood of
content entries (docs/operations.md, "The cache's key space and where the counters live")."""

import json

import pytest

from apps.common.tests.test_production_settings import manage

PRINT_LOCATIONS = (
    "import json; from django.conf import settings; "
    "print(json.dumps({alias: cache['LOCATION'] for alias, cache in settings.CACHES.items()}))"
)


@pytest.mark.parametrize(
    ("content_url", "expected"),
    [
        ("redis://cache-store:6379/0", "redis://cache-store:6379/0"),
        ("", "redis://127.0.0.1:6379/9"),  # unset: the one server, as in development
    ],
    ids=["own-server", "shared"],
)
def test_the_content_cache_goes_where_content_redis_url_says_and_counters_stay(content_url, expected):
    result = manage("shell", "--no-imports", "--command", PRINT_LOCATIONS, CONTENT_REDIS_URL=content_url)

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"default": "redis://127.0.0.1:6379/9", "content": expected}
