"""The cache, also the store of rate limits and login-failure counters: Redis, or local memory.

Two aliases, so a Redis outage is handled by what each use can afford
(docs/security.md#when-a-service-is-down):

- ``default`` raises when Redis does not answer: rate limits, failed-login counters and any
  other security state. A limit that cannot be counted is refused with 503 (fail closed) unless
  its throttle says otherwise (apps/common/throttling.py).
- ``content`` ignores a Redis that does not answer (django-redis' IGNORE_EXCEPTIONS): every
  read misses, every write is dropped, and the content is read from the database instead.

They may live on two Redis servers (``CONTENT_REDIS_URL``): an eviction policy is a setting of
the server, not of a logical database, so counters are safe from eviction only on a server that
evicts nothing, and the content cache needs one that does (docs/operations.md, "The cache's
key space and where the counters live").
"""

from config.settings.environment import env

REDIS_URL = env.str("REDIS_URL", default="")
# The content cache's own Redis (maxmemory with allkeys-lru); the same server as REDIS_URL if unset.
CONTENT_REDIS_URL = env.str("CONTENT_REDIS_URL", default="") or REDIS_URL
_KEY_PREFIX = env.str("CACHE_KEY_PREFIX", default="app")
# Both aliases share one store when local: local-memory caches with the same LOCATION share their data.
_LOCAL = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "app"}

# https://github.com/jazzband/django-redis#configure-as-cache-backend
CACHES = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": _KEY_PREFIX,
        "OPTIONS": {
            "CLIENT_CLASS": "django_redis.client.DefaultClient",
            "SOCKET_CONNECT_TIMEOUT": 2,
            "SOCKET_TIMEOUT": 2,
        },
    }
    if REDIS_URL
    else _LOCAL,
    "content": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": CONTENT_REDIS_URL,
        "KEY_PREFIX": _KEY_PREFIX,
        "OPTIONS": {
            "CLIENT_CLASS": "django_redis.client.DefaultClient",
            # https://github.com/jazzband/django-redis#memcached-exceptions-behavior
            "IGNORE_EXCEPTIONS": True,
            # Short: while Redis is away each request still tries it a few times before
            # reading the database, and an in-cluster Redis connects in milliseconds.
            "SOCKET_CONNECT_TIMEOUT": 0.5,
            "SOCKET_TIMEOUT": 0.5,
        },
    }
    if CONTENT_REDIS_URL
    else _LOCAL,
}
