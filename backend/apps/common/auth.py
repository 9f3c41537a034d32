"""Request helpers shared by every app's APIs."""

from typing import TYPE_CHECKING, cast

from rest_framework.request import Request

if TYPE_CHECKING:
    from apps.accounts.models import User


def signed_in_user(request: Request) -> "User":
    """The user of a request that passed IsAuthenticated."""
    return cast("User", request.user)
