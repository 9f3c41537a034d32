"""The refresh token travels only in an httpOnly cookie scoped to the auth endpoints.

Next to it goes a session *hint*: ``session_hint=1``, readable by scripts on every path, set and
deleted together with the refresh cookie and with the same lifetime. It is not a credential
(it proves nothing and unlocks nothing); it only tells the frontend whether a refresh call can
succeed, so anonymous visitors are not sent to ``/auth/refresh/`` for a 401 on every page load.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse

SESSION_HINT_COOKIE = "session_hint"


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
    response.set_cookie(
        SESSION_HINT_COOKIE,
        "1",
        max_age=cookie["max_age"],
        path="/",
        secure=cookie["secure"],
        httponly=False,
        samesite=cookie["samesite"],
    )


def refresh_cookie_clear(response: HttpResponse) -> None:
    cookie = settings.AUTH_REFRESH_COOKIE
    response.delete_cookie(cookie["name"], path=cookie["path"], samesite=cookie["samesite"])
    response.delete_cookie(SESSION_HINT_COOKIE, path="/", samesite=cookie["samesite"])
