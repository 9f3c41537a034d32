"""Cross-site protection for the cookie-authenticated endpoints (refresh, logout).

SameSite=Lax keeps the cookie off cross-site POSTs in browsers; the Origin check
refuses the rest: a request whose Origin is present and not one of ours.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest


def _origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def request_origin_allowed(request: HttpRequest) -> bool:
    origin = request.headers.get("Origin")
    if not origin:
        return True  # non-browser clients and same-origin GET-like navigations send none
    allowed = {
        _origin_of(request.build_absolute_uri("/")),
        _origin_of(settings.FRONTEND_URL),
        *(_origin_of(url) for url in settings.CORS_ALLOWED_ORIGINS),
        *(_origin_of(url) for url in settings.CSRF_TRUSTED_ORIGINS),
    }
    return origin.lower() in allowed
