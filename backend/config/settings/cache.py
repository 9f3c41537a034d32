"""The cache, also the store of rate limits and login-failure counters: Redis, or local memory.

Two aliases on the same store, so a Redis outage is handled by what each use can afford
(docs/security.md#when-a-service-is-down):

- ``default`` raises when Redis does not answer: rate limits, failed-login counters and any
  other security state. A limit that cannot be counted is refused with 503 (fail closed) unless
  its throttle says otherwise (apps/common/throttling.py).
- ``content`` ignores a Redis that does not answer (django-redis' IGNORE_EXCEPTIONS): every
  read misses, every write is dropped, and the content is read from the database instead.
"""

from config.settings.environment import env

REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    # https://github.com/jazzband/django-redis#configure-as-cache-backend
    _redis = {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="app"),
    }
    CACHES = {
        "default": {
            **_redis,
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                "SOCKET_CONNECT_TIMEOUT": 2,
                "SOCKET_TIMEOUT": 2,
            },
        },
        "content": {
            **_redis,
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                # https://github.com/jazzband/django-redis#memcached-exceptions-behavior
                "IGNORE_EXCEPTIONS": True,
                # Short: while Redis is away each request still tries it a few times before
                # reading the database, and an in-cluster Redis connects in milliseconds.
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        },
    }
else:
    # Both aliases share one store: local-memory caches with the same LOCATION share their data.
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "app"},
        "content": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "app"},
    }
