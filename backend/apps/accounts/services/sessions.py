"""Password login and JWT sessions: start, refresh rotation with reuse detection, logout, revocation.

A session (``UserSession``) is one refresh-token family: every token of it carries the
session's id as the ``sid`` claim, and rotation keeps it (docs/auth.md, "Sessions").
"""

import logging
import uuid
from dataclasses import dataclass
from datetime import timedelta
from http import HTTPStatus

from django.conf import settings
from django.contrib.auth import authenticate
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework_simplejwt.exceptions import TokenBackendError
from rest_framework_simplejwt.settings import api_settings
from rest_framework_simplejwt.state import token_backend
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken
from rest_framework_simplejwt.tokens import RefreshToken

from apps.accounts import tasks
from apps.accounts.devices import device_label, ip_location, ip_network_of, ip_or_none
from apps.accounts.models import SESSION_CLAIM, User, UserSession, email_normalize
from apps.accounts.selectors import user_device_known
from apps.accounts.services.login_failures import login_failure_record, login_failures_check
from apps.common.auth import ClientInfo
from apps.common.exceptions import ApplicationError
from apps.jobs.services import enqueue_on_commit

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SessionTokens:
    access: str
    refresh: str


# --- Password login -------------------------------------------------------------------


def user_authenticate(*, email: str, password: str, ip: str) -> User:
    """Checks a password through the failed-login guard. The API login and the admin login both use it.

    Raises ``RateLimited`` while the guard refuses this address or account, and
    ``invalid_credentials`` for a wrong password, an unknown address or an inactive account.
    """
    # Addresses are stored normalised; the failure counters count every spelling as one address.
    email = email_normalize(email)
    login_failures_check(ip=ip, email=email)
    user = authenticate(email=email, password=password)
    if user is None:
        login_failure_record(ip=ip, email=email)
        raise ApplicationError(
            code="invalid_credentials",
            detail=_("The email or password is wrong."),
            status_code=HTTPStatus.UNAUTHORIZED,
        )
    return user


def user_login_check(*, email: str, password: str, ip: str) -> User:
    """The first step of a password login: the password, then a verified address. Starts no session:
    the caller does, or asks for a second factor first (apps/mfa/services/login.py)."""
    user = user_authenticate(email=email, password=password, ip=ip)
    if settings.ACCOUNTS_REQUIRE_EMAIL_VERIFICATION and not user.is_email_verified:
        raise ApplicationError(
            code="email_not_verified",
            detail=_("Verify your email address first: follow the link we sent you, or ask for a new one."),
            status_code=HTTPStatus.FORBIDDEN,
        )
    return user


# --- Sessions -------------------------------------------------------------------------


def session_start(*, user: User, client: ClientInfo) -> SessionTokens:
    """Signs a user in from ``client``: a new session and its first token pair.

    Every sign-in ends here (password, sign-in provider, a password change's fresh session).
    A device none of the user's sessions came from gets the owner an email, unless this is
    the account's first sign-in ever (``last_login`` is still empty then).
    """
    session = UserSession(id=uuid.uuid4(), user=user)
    _session_client_set(session, client)
    session.network = ip_network_of(client.ip)
    is_new_device = user.last_login is not None and not user_device_known(
        user=user, device=session.device, network=session.network
    )
    tokens = _tokens_issue(user=user, session=session)
    session.created_at = session.last_used_at
    session.save(force_insert=True)
    user.last_login = session.created_at
    User.objects.filter(pk=user.pk).update(last_login=user.last_login)
    if is_new_device and settings.AUTH_NEW_DEVICE_EMAIL:
        enqueue_on_commit(tasks.send_new_device_email, str(session.pk))
    return tokens


def _session_client_set(session: UserSession, client: ClientInfo) -> None:
    session.user_agent = client.user_agent
    session.device = device_label(client.user_agent)
    session.ip = ip_or_none(client.ip)
    session.location = ip_location(client.ip)


def _tokens_issue(*, user: User, session: UserSession) -> SessionTokens:
    """A token pair of ``session``; it becomes the session's live refresh token (not saved here)."""
    refresh = RefreshToken.for_user(user)
    # Set before the access token is derived: it copies the refresh token's claims.
    refresh[SESSION_CLAIM] = str(session.pk)
    session.refresh_jti = refresh[api_settings.JTI_CLAIM]
    session.last_used_at = refresh.current_time
    return SessionTokens(access=str(refresh.access_token), refresh=str(refresh))


def _session_continue(*, user: User, session: UserSession | None, client: ClientInfo) -> SessionTokens:
    """The next pair of a session: one write to it per rotation, none per request."""
    if session is None:
        # A token from before sessions existed: it becomes one, with no new-device email.
        session = UserSession(id=uuid.uuid4(), user=user, created_at=timezone.now())
        _session_client_set(session, client)
        session.network = ip_network_of(client.ip)
        tokens = _tokens_issue(user=user, session=session)
        session.save(force_insert=True)
        return tokens
    if ip_or_none(client.ip) != session.ip or client.user_agent != session.user_agent:
        _session_client_set(session, client)
    tokens = _tokens_issue(user=user, session=session)
    session.save(update_fields=["refresh_jti", "last_used_at", "user_agent", "device", "ip", "location"])
    return tokens


def _session_id(payload: dict) -> uuid.UUID | None:
    """The token's ``sid``; raises for a claim that is there but is no session id."""
    claim = payload.get(SESSION_CLAIM)
    if claim is None:
        return None
    try:
        return uuid.UUID(str(claim))
    except ValueError:
        raise _invalid_session() from None


def _invalid_session() -> ApplicationError:
    return ApplicationError(
        code="token_not_valid",
        detail=_("Your session has ended. Log in again."),
        status_code=HTTPStatus.UNAUTHORIZED,
    )


def _reuse_grace() -> timedelta:
    return timedelta(seconds=settings.AUTH_REFRESH_REUSE_GRACE_SECONDS)


def session_refresh(*, raw_refresh: str | None, client: ClientInfo) -> SessionTokens:
    """Rotates the refresh token: the old one is blacklisted, a new pair of the same session is issued.

    Presenting a refresh token that was already rotated means it was copied: every
    session of that user is revoked (refresh-token reuse detection). Except within
    ``AUTH_REFRESH_REUSE_GRACE_SECONDS`` of its rotation: a reload that aborted a refresh
    in flight, or two tabs refreshing at once, present the same token again, so it gets
    a new pair (and stays blacklisted) instead of the alarm. Only rotation blacklists a
    token; logout and revocation delete its row instead (see ``user_sessions_revoke``),
    so a token that merely ended is refused without ending anything else, grace or not.
    The same for any token of an ended session (``sid``), the live one's row deleted or an
    older, rotated one: its session ended on purpose, so it is refused and alarms nobody.
    """
    if not raw_refresh:
        raise _invalid_session()
    try:
        # Verifies signature, algorithm and expiry before any lookup. (The stub's parameter type is wrong.)
        payload = token_backend.decode(raw_refresh, verify=True)  # type: ignore[arg-type]
    except TokenBackendError:
        raise _invalid_session() from None
    if payload.get("token_type") != "refresh":
        raise _invalid_session()

    user_id = str(payload.get(api_settings.USER_ID_CLAIM, ""))  # simplejwt writes the id as a string
    if not user_id.isdigit():
        raise _invalid_session()
    session_id = _session_id(payload)
    tokens = None
    with transaction.atomic():
        # The user's row lock orders this rotation against user_sessions_revoke (password change,
        # reset, deletion): either the revocation runs after and ends the new token too, or it ran
        # before and this token is gone. The token's row lock serialises two concurrent refreshes
        # with one token: the second sees the first one's blacklist entry (grace or alarm below).
        user = User.objects.select_for_update().filter(pk=user_id).first()
        outstanding = (
            OutstandingToken.objects.select_for_update().filter(jti=payload.get("jti"), user_id=user_id).first()
        )
        if user is None or outstanding is None:
            raise _invalid_session()
        session = None
        if session_id is not None:
            # Locked too: ending the session (user_sessions.py) waits for this rotation, or wins.
            session = (
                UserSession.objects.select_for_update()
                .filter(pk=session_id, user_id=user_id, ended_at__isnull=True)
                .first()
            )
            if session is None:
                raise _invalid_session()
        # The blacklist holds rotated tokens only: one seen again is a copy, unless it was
        # rotated moments ago (the client lost the answer, or another tab refreshed first).
        rotated_at = BlacklistedToken.objects.filter(token=outstanding).values_list("blacklisted_at", flat=True).first()
        if rotated_at is not None and rotated_at <= timezone.now() - _reuse_grace():
            logger.warning("Refresh token reuse detected; revoking every session of user %s", user.pk)
            user_sessions_revoke(user_id=user.pk)
        else:
            if rotated_at is None:
                BlacklistedToken.objects.create(token=outstanding)
            else:
                logger.info("Rotated refresh token presented again within the grace; new pair for user %s", user.pk)
            if user.is_active:
                tokens = _session_continue(user=user, session=session, client=client)
    # Raised outside the block so the revocation above is committed.
    if tokens is None:
        raise _invalid_session()
    return tokens


def session_end(*, raw_refresh: str | None) -> None:
    """Logs out: deletes the refresh token's row if it is still live, so it is refused from now on. Idempotent.

    Deleted rather than blacklisted: the blacklist means "rotated", and presenting a
    rotated token revokes every session (see ``session_refresh``). A token that was
    already rotated is left alone, so it can still give a copy away, except within its grace.
    """
    if not raw_refresh:
        return
    try:
        payload = token_backend.decode(raw_refresh, verify=True)  # type: ignore[arg-type]
    except TokenBackendError:
        return
    if payload.get("token_type") != "refresh":
        return
    try:
        session_id = _session_id(payload)
    except ApplicationError:
        return
    with transaction.atomic():
        token = OutstandingToken.objects.filter(jti=payload.get("jti"), blacklistedtoken__isnull=True).first()
        if token is None:
            return
        token.delete()
        if session_id is not None:
            UserSession.objects.filter(pk=session_id, ended_at__isnull=True).update(ended_at=timezone.now())
        if token.user_id is not None:
            # The token this one replaced may still be within its grace (session_refresh) and would
            # start a session after the logout. It can't be told apart from the user's other tokens
            # rotated in the same seconds, so those go too: they lose their grace, nothing more.
            recent = timezone.now() - _reuse_grace()
            OutstandingToken.objects.filter(
                user_id=token.user_id, blacklistedtoken__blacklisted_at__gte=recent
            ).delete()


@transaction.atomic
def user_sessions_revoke(*, user_id: int) -> int:
    """Ends every session of a user; returns how many refresh tokens were still live.

    Deletes every refresh-token row of the user, rotated ones included: a deleted token
    is refused, but is no sign of theft. So an old token replayed after a password
    change, a reset or a reuse alarm cannot end the sessions started since.
    """
    # The same lock as session_refresh takes first: a rotation in flight ends before this runs.
    User.objects.select_for_update().filter(pk=user_id).exists()
    UserSession.objects.filter(user_id=user_id, ended_at__isnull=True).update(ended_at=timezone.now())
    _, per_model = OutstandingToken.objects.filter(user_id=user_id).delete()
    return per_model.get(OutstandingToken._meta.label, 0) - per_model.get(BlacklistedToken._meta.label, 0)
