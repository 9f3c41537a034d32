"""The cache, also the store of rate limits and login-failure counters: Redis, or local memory."""

from config.settings.environment import env

REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    # https://github.com/jazzband/django-redis#configure-as-cache-backend
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="app"),
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                "SOCKET_CONNECT_TIMEOUT": 2,
                "SOCKET_TIMEOUT": 2,
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
