"""Re-authentication: a signed-in user proves it again (password or passkey) and gets an access token
stamped ``reauth_at``, which the endpoints that change second factors ask for (apps/mfa/permissions.py)."""

import time
from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework_simplejwt.tokens import AccessToken

from apps.accounts.models import User
from apps.accounts.services.login_failures import login_failure_record
from apps.accounts.services.sessions import user_authenticate
from apps.common.exceptions import ApplicationError, RateLimited
from apps.mfa.models import WebAuthnChallenge
from apps.mfa.services import webauthn
from apps.mfa.services.webauthn import ChallengeOptions

REAUTH_CLAIM = "reauth_at"
# Claims the new token gets afresh; every other claim of the current token is copied (sid among them).
_OWN_CLAIMS = {"exp", "iat", "jti", "token_type"}


def reauth_is_recent(claims: Mapping[str, Any] | None) -> bool:
    value = claims.get(REAUTH_CLAIM) if claims is not None else None
    return isinstance(value, int) and 0 <= time.time() - value <= settings.AUTH_REAUTH_MAX_AGE


def _stamped(claims: Mapping[str, Any]) -> str:
    token = AccessToken()
    for name, value in claims.items():
        if name not in _OWN_CLAIMS:
            token[name] = value
    token[REAUTH_CLAIM] = int(time.time())
    return str(token)


def reauth_options(*, user: User) -> ChallengeOptions:
    return webauthn.authentication_options(purpose=WebAuthnChallenge.Purpose.REAUTHENTICATE, user=user)


def reauthenticate_password(*, user: User, claims: Mapping[str, Any], password: str, ip: str) -> str:
    """Through the failed-login guard, like a login. A wrong password is 400: the session itself is fine."""
    if not user.has_usable_password():
        raise ApplicationError(
            code="no_password",
            detail=_("This account has no password. Confirm with a passkey instead."),
            status_code=HTTPStatus.BAD_REQUEST,
        )
    try:
        user_authenticate(email=user.email, password=password, ip=ip)
    except RateLimited:
        raise
    except ApplicationError:
        raise ApplicationError(
            code="invalid_password", detail=_("The password is wrong."), status_code=HTTPStatus.BAD_REQUEST
        ) from None
    return _stamped(claims)


def reauthenticate_passkey(
    *, user: User, claims: Mapping[str, Any], challenge_id: str, credential: dict[str, Any], ip: str
) -> str:
    challenge = webauthn.challenge_consume(
        challenge_id=challenge_id, purpose=WebAuthnChallenge.Purpose.REAUTHENTICATE, user=user
    )
    try:
        webauthn.authentication_verify(challenge=challenge, credential=credential, user=user)
    except ApplicationError:
        login_failure_record(ip=ip, email=user.email)
        raise
    return _stamped(claims)
