"""Logins that involve a second factor or a passkey, and the first step that decides whether one is needed.

Every wrong answer counts in the failed-login guard (apps/accounts/services/login_failures.py) for
the client address and the account, like a wrong password, and on the ticket itself.
"""

from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

from django.utils.translation import gettext as _

from apps.accounts.models import User
from apps.accounts.services.login_failures import login_failure_record, login_failures_check
from apps.accounts.services.sessions import SessionTokens, session_start, user_login_check
from apps.common.auth import ClientInfo
from apps.common.exceptions import ApplicationError
from apps.mfa.models import WebAuthnChallenge
from apps.mfa.selectors import user_has_second_factor
from apps.mfa.services import webauthn
from apps.mfa.services.recovery_codes import recovery_code_use
from apps.mfa.services.tickets import (
    MfaChallenge,
    mfa_ticket_failure,
    mfa_ticket_issue,
    mfa_ticket_spend,
    mfa_ticket_user,
)
from apps.mfa.services.totp import totp_verify
from apps.mfa.services.webauthn import ChallengeOptions

Purpose = WebAuthnChallenge.Purpose


@dataclass(frozen=True)
class SignedIn:
    user: User
    tokens: SessionTokens


def login_begin(*, user: User, client: ClientInfo) -> SignedIn | MfaChallenge:
    """After a first step (a password or a provider): a session, or a ticket when the account has a second factor."""
    if user_has_second_factor(user=user):
        return mfa_ticket_issue(user=user)
    return SignedIn(user=user, tokens=session_start(user=user, client=client))


def password_login(*, email: str, password: str, client: ClientInfo) -> SignedIn | MfaChallenge:
    user = user_login_check(email=email, password=password, ip=client.ip)
    return login_begin(user=user, client=client)


def _second_step(*, ticket: str, client: ClientInfo, answer_ok: Callable[[User], bool]) -> SignedIn:
    user, ip = mfa_ticket_user(ticket=ticket), client.ip
    login_failures_check(ip=ip, email=user.email)
    try:
        accepted = answer_ok(user)
    except ApplicationError:
        _failed(ticket=ticket, ip=ip, user=user)
        raise
    if not accepted:
        _failed(ticket=ticket, ip=ip, user=user)
        raise ApplicationError(
            code="invalid_code",
            detail=_("This code is not valid. Check it and try again."),
            status_code=HTTPStatus.UNAUTHORIZED,
        )
    mfa_ticket_spend(ticket=ticket)
    return SignedIn(user=user, tokens=session_start(user=user, client=client))


def _failed(*, ticket: str, ip: str, user: User) -> None:
    mfa_ticket_failure(ticket=ticket)
    login_failure_record(ip=ip, email=user.email)


def mfa_login_totp(*, ticket: str, code: str, client: ClientInfo) -> SignedIn:
    return _second_step(ticket=ticket, client=client, answer_ok=lambda user: totp_verify(user=user, code=code))


def mfa_login_recovery_code(*, ticket: str, code: str, client: ClientInfo) -> SignedIn:
    return _second_step(ticket=ticket, client=client, answer_ok=lambda user: recovery_code_use(user=user, code=code))


def mfa_passkey_options(*, ticket: str) -> ChallengeOptions:
    return webauthn.authentication_options(purpose=Purpose.SECOND_FACTOR, user=mfa_ticket_user(ticket=ticket))


def mfa_login_passkey(*, ticket: str, challenge_id: str, credential: dict[str, Any], client: ClientInfo) -> SignedIn:
    def answer_ok(user: User) -> bool:
        challenge = webauthn.challenge_consume(challenge_id=challenge_id, purpose=Purpose.SECOND_FACTOR, user=user)
        webauthn.authentication_verify(challenge=challenge, credential=credential, user=user)
        return True

    return _second_step(ticket=ticket, client=client, answer_ok=answer_ok)


def passkey_login_options() -> ChallengeOptions:
    return webauthn.authentication_options(purpose=Purpose.SIGN_IN, user=None)


def passkey_login(*, challenge_id: str, credential: dict[str, Any], client: ClientInfo) -> SignedIn:
    """Usernameless sign-in: the passkey is possession and user verification at once, so no second step."""
    challenge = webauthn.challenge_consume(challenge_id=challenge_id, purpose=Purpose.SIGN_IN, user=None)
    passkey = webauthn.authentication_verify(challenge=challenge, credential=credential, user=None)
    if not passkey.user.is_active:
        raise webauthn.invalid_credential()
    return SignedIn(user=passkey.user, tokens=session_start(user=passkey.user, client=client))
