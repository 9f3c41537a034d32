"""The global request limits (``anon``, ``user``), counted per fixed window.

DRF's own AnonRateThrottle and UserRateThrottle keep the time of every request in the window
in one cache entry that is read, unpickled, pickled and written back on every request: at a
600/min limit that is up to 600 timestamps per request, and far more with generous limits. A
counter per window costs one Redis round trip whatever the rate. The price is precision at the
edges: a client may fit up to twice the rate into the seconds around a window boundary. The
low, security-relevant scoped limits (login, register, exports...) keep DRF's exact sliding log.
"""

from typing import Any

from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django_redis.cache import RedisCache
from rest_framework import throttling
from rest_framework.request import Request


class FixedWindowRateThrottle(throttling.SimpleRateThrottle):
    num_requests: int
    duration: int

    def allow_request(self, request: Request, view: Any) -> bool:
        if self.rate is None:
            return True
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        self.now = self.timer()
        window_start = int(self.now // self.duration * self.duration)
        self.window_ends_at = window_start + self.duration
        return self._count(f"{self.key}:{window_start}") <= self.num_requests

    def wait(self) -> float:
        return max(0.0, self.window_ends_at - self.now)

    def _count(self, key: str) -> int:
        """Adds this request to the window's counter and returns the new count."""
        timeout = self.duration + 1
        # DRF's default is django.core.cache.cache, a proxy: the backend behind it decides the path.
        backend = caches[DEFAULT_CACHE_ALIAS] if self.cache is cache else self.cache
        if isinstance(backend, RedisCache):
            full_key = backend.make_key(key)
            pipeline = backend.client.get_client(write=True).pipeline(transaction=False)
            pipeline.incr(full_key)
            pipeline.expire(full_key, timeout, nx=True)
            return int(pipeline.execute()[0])
        # Other backends (local memory in development): add() and incr() are each atomic.
        if backend.add(key, 1, timeout):
            return 1
        try:
            return backend.incr(key)
        except ValueError:  # expired between the two calls: this request opens a new count
            backend.add(key, 1, timeout)
            return 1


class AnonRateThrottle(FixedWindowRateThrottle, throttling.AnonRateThrottle):
    pass


class UserRateThrottle(FixedWindowRateThrottle, throttling.UserRateThrottle):
    def get_cache_key(self, request: Request, view: Any) -> str | None:
        # DRF's version also counts anonymous requests by IP, which the anon limit already does.
        if not (request.user and request.user.is_authenticated):
            return None
        return super().get_cache_key(request, view)
