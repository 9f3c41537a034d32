"""Bearer authentication: simplejwt's JWTAuthentication, the token's session checked in its one query.

An access token carries its session's id (``sid``, apps/accounts/services/sessions.py). Every
revocation ends sessions: logout and ending one session end that one; logout-everywhere, the
refresh-reuse alarm, a password change or reset, a confirmed email change, deactivation in the
admin and deletion end them all. So the session's state is what an access token is checked
against, read in the query that loads the user anyway: an access token stops working on the
next request after its session ends, not when it expires. No clock is compared, so a token
issued in the same second as a revocation is told apart by its session, not its ``iat``.
Why sessions and not a "tokens valid after" time: docs/decisions/0026-ops2-revocation-and-cache-stores.md.
"""

import uuid

from django.utils.translation import gettext as _
from drf_spectacular.contrib.rest_framework_simplejwt import SimpleJWTScheme
from rest_framework_simplejwt.authentication import JWTAuthentication
from rest_framework_simplejwt.exceptions import AuthenticationFailed, InvalidToken
from rest_framework_simplejwt.settings import api_settings
from rest_framework_simplejwt.tokens import Token
from rest_framework_simplejwt.utils import get_md5_hash_password

from apps.accounts.models import SESSION_CLAIM, User
from apps.accounts.selectors import user_with_session_state


class SessionJWTAuthentication(JWTAuthentication):
    """simplejwt's checks (signature, expiry, user found and active, the optional password claim),
    plus: the token's session is live. A token without a session (none is issued since sessions
    exist; its at most 15 minutes ran out long ago) is refused, as it could not be revoked."""

    # simplejwt annotates the return with a TypeVar unbound at the method; the user is ours.
    def get_user(self, validated_token: Token) -> User:  # type: ignore[override]
        user_id = validated_token.get(api_settings.USER_ID_CLAIM)
        try:
            session_id = uuid.UUID(str(validated_token[SESSION_CLAIM]))
        except (KeyError, ValueError):
            raise self._ended() from None
        if user_id is None:
            raise InvalidToken(_("Token contained no recognizable user identification"))
        user = user_with_session_state(user_id=user_id, session_id=session_id)
        if user is None:
            raise AuthenticationFailed(_("User not found"), code="user_not_found")
        if not user.is_active:
            raise AuthenticationFailed(_("User is inactive"), code="user_inactive")
        if not user.session_live:  # type: ignore[attr-defined]
            raise self._ended()
        if api_settings.CHECK_REVOKE_TOKEN and validated_token.get(
            api_settings.REVOKE_TOKEN_CLAIM
        ) != get_md5_hash_password(user.password):
            raise AuthenticationFailed(_("The user's password has been changed."), code="password_changed")
        return user

    @staticmethod
    def _ended() -> AuthenticationFailed:
        return AuthenticationFailed(_("Your session has ended. Log in again."), code="token_not_valid")


class SessionJWTScheme(SimpleJWTScheme):
    """drf-spectacular documents simplejwt's class, not subclasses: the same bearer scheme (``jwtAuth``)."""

    target_class = "apps.accounts.authentication.SessionJWTAuthentication"
