"""The refresh token travels only in an httpOnly cookie scoped to the auth endpoints."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse


def refresh_cookie_read(request: HttpRequest) -> str | None:
    return request.COOKIES.get(settings.AUTH_REFRESH_COOKIE["name"]) or None


def refresh_cookie_set(response: HttpResponse, *, token: str) -> None:
    cookie = settings.AUTH_REFRESH_COOKIE
    response.set_cookie(
        cookie["name"],
        token,
        max_age=cookie["max_age"],
        path=cookie["path"],
        secure=cookie["secure"],
        httponly=True,
        samesite=cookie["samesite"],
    )


def refresh_cookie_clear(response: HttpResponse) -> None:
    cookie = settings.AUTH_REFRESH_COOKIE
    response.delete_cookie(cookie["name"], path=cookie["path"], samesite=cookie["samesite"])
