"""Request helpers shared by every app's APIs."""

from typing import TYPE_CHECKING, cast

from django.http import HttpRequest
from rest_framework.request import Request
from rest_framework.throttling import BaseThrottle

if TYPE_CHECKING:
    from apps.accounts.models import User


def signed_in_user(request: Request) -> "User":
    """The user of a request that passed IsAuthenticated."""
    return cast("User", request.user)


def client_ip(request: HttpRequest | Request) -> str:
    """The client's address as DRF's throttles see it (behind ``NUM_PROXIES`` proxies).

    One definition for every counter keyed by address: the throttles, and the failed-login
    guard of the API login and the admin login.
    """
    return BaseThrottle().get_ident(request)  # type: ignore[arg-type]
