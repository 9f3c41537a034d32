"""Shared cache of anonymous article, tag and comment responses.

Entries are stored with Django's cache versioning (``cache.set(key, value, version=...)``)
under the content *version*: the time of the last change to any article, tag, comment or
author profile. The services that make such a change call ``content_changed()``, which
stores a new version, so every earlier entry stops being read at once and expires on its
own; no key listing or pattern deletes are needed. The version is also the Last-Modified
of every cached response. Why not ``cache_page``: docs/decisions/0010-content-response-cache.md.

The ``content`` cache ignores an unreachable Redis (config/settings/cache.py): without a
version nothing is read from or written to the cache, and every answer comes from the database.
"""

import hashlib
import math
import time
from collections.abc import Callable, Mapping
from typing import Any, ClassVar, TypeVar

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.connection import ConnectionProxy
from django.utils.http import http_date, quote_etag
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request

from apps.content import selectors

# The version is the time of the last change in microseconds (Django's cache versions are integers).
VERSION_KEY = "content:version:us"
# Longest life of a value derived from content (content_cached); a change retires it at once anyway,
# so this only bounds how long an entry no one asks for again takes room.
DERIVED_SECONDS = 60 * 60

T = TypeVar("T")
# Reads a query parameter's value as the view will: two spellings it reads alike give one value.
QueryParameterReader = Callable[[str], object]

cache = ConnectionProxy(caches, "content")


def _now_us() -> int:
    return int(time.time() * 1_000_000)


def content_cache_version() -> int | None:
    """The current version, or None while the cache does not answer."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, _now_us(), timeout=None)
        version = cache.get(VERSION_KEY)
    return None if version is None else int(version)


def content_cache_invalidate() -> None:
    # Strictly increasing, even for two changes within one clock tick.
    previous = cache.get(VERSION_KEY) or 0
    cache.set(VERSION_KEY, max(_now_us(), int(previous) + 1), timeout=None)


def content_changed() -> None:
    """Called by every service that changes what readers see: now, and again after commit, since
    a reader between the two may have cached the uncommitted past."""
    content_cache_invalidate()
    transaction.on_commit(content_cache_invalidate)


def _timeout() -> float:
    """Cache no longer than until the next scheduled article goes live: it must appear on time."""
    timeout = float(settings.CONTENT_CACHE_SECONDS)
    next_publish_at = selectors.article_next_publish_at()
    if next_publish_at is not None:
        timeout = min(timeout, max(0.0, next_publish_at.timestamp() - time.time()))
    return timeout


def content_cached(key: str, compute: Callable[[], T]) -> T:
    """A value computed from live content (e.g. a list's total), kept under the content version
    until content changes or the next scheduled article goes live, so it is always exact.

    Used whether or not the response cache is on: a total costs more than the rest of a page.
    """
    version = content_cache_version()
    if version is None:
        return compute()
    entry: dict[str, Any] | None = cache.get(key, version=version)
    if entry is not None and (entry["fresh_until"] is None or entry["fresh_until"] > time.time()):
        return entry["value"]
    # Read before computing: an article that goes live meanwhile makes the entry stale at once.
    next_publish_at = selectors.article_next_publish_at()
    entry = {"value": compute(), "fresh_until": next_publish_at.timestamp() if next_publish_at else None}
    cache.set(key, entry, timeout=DERIVED_SECONDS, version=version)
    return entry["value"]


def query_key(query: Mapping[str, str], readers: Mapping[str, QueryParameterReader]) -> str:
    """A digest of the parameters named in ``readers``, each read by its reader, sorted by name.

    Only the value the view reads counts (the last, as ``QueryDict.get``), in the form it reads
    it: ``page=007`` and ``page=7``, or ``pageSize=500`` and ``pageSize=100``, are one key, so
    respelling a documented parameter makes no new entry. Every other parameter is left out.
    """
    values = sorted((name, repr(reader(query[name]))) for name, reader in readers.items() if name in query)
    return hashlib.sha256(repr(values).encode()).hexdigest()


class AnonymousResponseCacheMixin:
    """For APIViews: anonymous GETs are served from the shared cache with ETag and Last-Modified.

    A request carrying an Authorization header is never cached (staff see drafts,
    and per-user answers must not be shared); its response says ``private``.
    Conditional requests (If-None-Match / If-Modified-Since) get 304.

    ``query_params`` names the query parameters the endpoint documents, each with how the
    view reads it; they alone form the cache key (``query_key``). A GET with any other
    parameter is refused with 400, cached or not, so junk in the query string can neither
    grow the cache nor pass unnoticed (docs/operations.md, "The cache's key space ...").
    """

    query_params: ClassVar[Mapping[str, QueryParameterReader]] = {}

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)  # type: ignore[misc]
        if request.method in ("GET", "HEAD"):
            unknown = sorted(set(request.query_params) - set(self.query_params))
            if unknown:
                raise ValidationError(
                    {name: [_("This endpoint has no such parameter.")] for name in unknown}, code="unknown_parameter"
                )

    def _has_unknown_parameters(self, request: HttpRequest) -> bool:
        return not set(request.GET) <= set(self.query_params)

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if settings.CONTENT_CACHE_SECONDS <= 0:  # switched off
            return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]
        if request.method not in ("GET", "HEAD") or "HTTP_AUTHORIZATION" in request.META:
            response = super().dispatch(request, *args, **kwargs)  # type: ignore[misc]
            patch_cache_control(response, private=True, no_cache=True)
            return response
        if self._has_unknown_parameters(request):  # refused by initial(), never from the cache
            return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]

        # The path (the article's slug) and the documented parameters; HEAD shares GET's entry.
        key = f"content:response:{hashlib.sha256(request.path.encode()).hexdigest()}:"
        key += query_key(request.GET, self.query_params)
        version = content_cache_version()
        if version is None:  # the cache is down: answer from the database
            return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]
        entry: dict[str, Any] | None = cache.get(key, version=version)
        # Checked here too, not only by the cache's TTL: a scheduled article must appear on the
        # dot, whatever clock or expiry granularity the cache backend has.
        if entry is None or entry["fresh_until"] <= time.time():
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
            cache.set(key, entry, timeout=max(1, math.ceil(timeout)), version=version)

        response = HttpResponse(entry["content"], content_type=entry["content_type"])
        response["ETag"] = entry["etag"]
        # A date is a safe validator only once its second is over: a change later in the same
        # second would carry the same date, and If-Modified-Since would miss it (RFC 9110
        # 8.8.2.2). Until then the ETag alone validates.
        changed_at = version // 1_000_000
        last_modified = changed_at if time.time() >= changed_at + 1 else None
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
