"""Shared cache of anonymous article and comment responses.

Every cached response lives under a key holding the content *version*: the time of
the last change to any article, tag, comment or author profile. A change stores a
new version (signals.py), so every earlier entry stops being read at once and
expires on its own; no key listing or pattern deletes are needed. The version is
also the Last-Modified of every cached response.
"""

import hashlib
import math
import time
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date, quote_etag

from apps.content import selectors

VERSION_KEY = "content:version"
_RESPONSE_KEY = "content:response:{version}:{digest}"


def content_cache_version() -> float:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, time.time(), timeout=None)
        version = cache.get(VERSION_KEY)
    return float(version)


def content_cache_invalidate() -> None:
    # Strictly increasing, even for two changes within one clock tick.
    previous = cache.get(VERSION_KEY) or 0.0
    cache.set(VERSION_KEY, max(time.time(), float(previous) + 0.001), timeout=None)


def _timeout() -> float:
    """Cache no longer than until the next scheduled article goes live: it must appear on time."""
    timeout = float(settings.CONTENT_CACHE_SECONDS)
    next_publish_at = selectors.article_next_publish_at()
    if next_publish_at is not None:
        timeout = min(timeout, max(0.0, next_publish_at.timestamp() - time.time()))
    return timeout


# The version this process read last. Guessing the entry key from it lets one MGET fetch
# both the current version and the entry: one Redis round trip per hit while nothing changes.
_last_version: float | None = None


def _cached_entry(digest: str) -> tuple[float, dict[str, Any] | None]:
    global _last_version  # a per-process hint, never a source of truth
    guessed_key = _RESPONSE_KEY.format(version=_last_version, digest=digest) if _last_version else None
    found = cache.get_many([VERSION_KEY, guessed_key] if guessed_key else [VERSION_KEY])
    version = found.get(VERSION_KEY)
    if version is None:
        version = content_cache_version()
    version = float(version)
    if guessed_key and version == _last_version:
        return version, found.get(guessed_key)
    _last_version = version
    return version, cache.get(_RESPONSE_KEY.format(version=version, digest=digest))


class AnonymousResponseCacheMixin:
    """For APIViews: anonymous GETs are served from the shared cache with ETag and Last-Modified.

    A request carrying an Authorization header is never cached (staff see drafts,
    and per-user answers must not be shared); its response says ``private``.
    Conditional requests (If-None-Match / If-Modified-Since) get 304.
    """

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if settings.CONTENT_CACHE_SECONDS <= 0:  # switched off
            return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]
        if request.method not in ("GET", "HEAD") or "HTTP_AUTHORIZATION" in request.META:
            response = super().dispatch(request, *args, **kwargs)  # type: ignore[misc]
            patch_cache_control(response, private=True, no_cache=True)
            return response

        digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        version, entry = _cached_entry(digest)
        # Checked here too, not only by the cache's TTL: a scheduled article must appear on the
        # dot, whatever clock or expiry granularity the cache backend has.
        if entry is not None and entry["fresh_until"] <= time.time():
            entry = None
        if entry is None:
            response = super().dispatch(request, *args, **kwargs)  # type: ignore[misc]
            # Authenticated without a header (e.g. a session) is still personal: not shared.
            if self.request.user.is_authenticated:  # type: ignore[attr-defined]
                patch_cache_control(response, private=True, no_cache=True)
                return response
            if response.status_code != 200:
                return response
            response.render()
            timeout = _timeout()
            entry = {
                "content": response.content,
                "content_type": response["Content-Type"],
                "etag": quote_etag(hashlib.md5(response.content, usedforsecurity=False).hexdigest()),
                "fresh_until": time.time() + timeout,
            }
            cache.set(_RESPONSE_KEY.format(version=version, digest=digest), entry, timeout=max(1, math.ceil(timeout)))

        response = HttpResponse(entry["content"], content_type=entry["content_type"])
        response["ETag"] = entry["etag"]
        # A date is a safe validator only once its second is over: a change later in the same
        # second would carry the same date, and If-Modified-Since would miss it (RFC 9110
        # 8.8.2.2). Until then the ETag alone validates.
        last_modified = int(version) if time.time() >= int(version) + 1 else None
        if last_modified is not None:
            response["Last-Modified"] = http_date(last_modified)
        # Shared caches may store it but must ask again each time; the 304 makes that cheap.
        patch_cache_control(response, public=True, no_cache=True)
        patch_vary_headers(response, ("Authorization",))
        # A 304 when the client's ETag or date still matches, else the response itself.
        return (
            get_conditional_response(request, etag=entry["etag"], last_modified=last_modified, response=response)
            or response
        )
