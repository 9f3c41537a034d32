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


def _cookies_write(response: HttpResponse, *, token: str, max_age: int) -> None:
    cookie = settings.AUTH_REFRESH_COOKIE
    for name, value, path, httponly in (
        (cookie["name"], token, cookie["path"], True),
        (SESSION_HINT_COOKIE, "1" if token else "", "/", False),
    ):
        response.set_cookie(
            name,
            value,
            max_age=max_age,
            # An expiry date as well for clearing, as Django's delete_cookie() writes: old browsers ignore Max-Age=0.
            expires=None if max_age else "Thu, 01 Jan 1970 00:00:00 GMT",
            path=path,
            secure=cookie["secure"],
            httponly=httponly,
            samesite=cookie["samesite"],
        )


def refresh_cookie_set(response: HttpResponse, *, token: str) -> None:
    _cookies_write(response, token=token, max_age=settings.AUTH_REFRESH_COOKIE["max_age"])


def refresh_cookie_clear(response: HttpResponse) -> None:
    """Expires both cookies with the attributes they were set with.

    Not ``response.delete_cookie()``: it drops the Secure flag (unless the name is
    ``__Secure-``/``__Host-`` prefixed or SameSite is None), so the clearing header would be a
    cookie that may travel over plain HTTP, and browsers may refuse it for that.
    """
    _cookies_write(response, token="", max_age=0)
