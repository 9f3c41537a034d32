"""The "reauth" permission: the access token must carry a recent ``reauth_at`` (services/reauth.py)."""

from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.views import APIView

from apps.mfa.services.reauth import reauth_is_recent


class RecentlyReauthenticated(BasePermission):
    """Refuses with 403 ``reauthentication_required``; the client re-authenticates and retries.

    A view lists the methods that need no re-authentication (reading, renaming) in ``reauth_exempt_methods``.
    """

    message = _("Confirm it is you first: enter your password or use a passkey again.")
    code = "reauthentication_required"

    def has_permission(self, request: Request, view: APIView) -> bool:
        if request.method in getattr(view, "reauth_exempt_methods", ()):
            return True
        claims = getattr(request.auth, "payload", None)
        return reauth_is_recent(claims)
