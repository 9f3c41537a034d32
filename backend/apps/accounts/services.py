"""Writes for accounts: registration, verification, sessions (JWT), passwords, deletion."""

import hashlib
import logging
import time
from dataclasses import dataclass
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.hashers import make_password
from django.contrib.auth.password_validation import validate_password
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone
from rest_framework import status
from rest_framework.exceptions import Throttled
from rest_framework_simplejwt.exceptions import TokenBackendError
from rest_framework_simplejwt.settings import api_settings
from rest_framework_simplejwt.state import token_backend
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken
from rest_framework_simplejwt.tokens import RefreshToken
from social_django.models import UserSocialAuth

from apps.accounts import tasks
from apps.accounts.models import User, email_normalize
from apps.accounts.selectors import user_get_by_email
from apps.accounts.tokens import email_verification_token_read, password_reset_user_get
from apps.accounts.user_cache import user_cache_forget
from apps.common.exceptions import ApplicationError
from apps.jobs.services import enqueue_on_commit

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SessionTokens:
    access: str
    refresh: str


# --- Registration and verification ---------------------------------------------------


def user_register(*, email: str, password: str, first_name: str, last_name: str, language: str = "en") -> User | None:
    """Creates an unverified account and emails a verification link.

    An address that already has an account gets the same answer, and its owner an
    email saying someone tried to register, so the API never reveals who is signed up.
    Returns the new user, or None when the address was taken.
    """
    # Validate before looking the address up: a weak password must fail the same way for both.
    candidate = User(email=email, first_name=first_name, last_name=last_name)
    try:
        validate_password(password, user=candidate)
    except ValidationError as error:
        raise ValidationError({"password": error.error_list}) from None

    existing = user_get_by_email(email=email)
    if existing is None:
        try:
            return _user_create(
                email=email, password=password, first_name=first_name, last_name=last_name, language=language
            )
        except (IntegrityError, ValidationError) as error:
            # A concurrent registration of the same address won the race since the lookup: same
            # answer as a taken address. (create_user hashed the password, so the timing matches too.)
            existing = user_get_by_email(email=email)
            if existing is None or (isinstance(error, ValidationError) and not _is_email_taken_error(error)):
                raise
    else:
        make_password(password)  # same work as the new-user path, so timing tells nothing
    enqueue_on_commit(tasks.send_registration_attempt_email, existing.pk)
    return None


def _user_create(*, email: str, password: str, first_name: str, last_name: str, language: str) -> User:
    # A savepoint: a failed insert leaves a caller's transaction usable.
    with transaction.atomic():
        user = User.objects.create_user(
            email=email,
            password=password,
            first_name=first_name,
            last_name=last_name,
            language=language,
            is_email_verified=not settings.ACCOUNTS_REQUIRE_EMAIL_VERIFICATION,
        )
        if settings.ACCOUNTS_REQUIRE_EMAIL_VERIFICATION:
            enqueue_on_commit(tasks.send_verification_email, user.pk)
        else:
            enqueue_on_commit(tasks.send_welcome_email, user.pk)
    return user


def _is_email_taken_error(error: ValidationError) -> bool:
    """Whether full_clean's unique check refused the address (the row appeared after our lookup)."""
    return any(item.code == "unique" for item in getattr(error, "error_dict", {}).get("email", []))


def user_verify_email(*, token: str) -> User:
    payload = email_verification_token_read(token=token)
    user = None
    if payload is not None:
        user = User.objects.filter(pk=payload["uid"], email=payload["email"], is_active=True).first()
    if user is None:
        raise ApplicationError(
            code="invalid_token", detail="This verification link is invalid or has expired. Ask for a new one."
        )
    if not user.is_email_verified:
        with transaction.atomic():
            user.is_email_verified = True
            user.save(update_fields=["is_email_verified"])
            enqueue_on_commit(tasks.send_welcome_email, user.pk)
    return user


def user_verification_resend(*, email: str) -> None:
    user = user_get_by_email(email=email)
    if user is not None and user.is_active and not user.is_email_verified:
        enqueue_on_commit(tasks.send_verification_email, user.pk)


# --- Sessions -------------------------------------------------------------------------


def _login_failure_key(*, ip: str, email: str) -> tuple[str, int]:
    window = int(settings.ACCOUNTS_LOGIN_FAILURE_WINDOW.total_seconds())
    bucket = int(time.time() // window)
    digest = hashlib.sha256(f"{ip}|{email}".encode()).hexdigest()[:32]
    retry_after = (bucket + 1) * window - int(time.time())
    return f"login-failures:{bucket}:{digest}", retry_after


def _login_guard(*, ip: str, email: str) -> None:
    key, retry_after = _login_failure_key(ip=ip, email=email)
    if (cache.get(key) or 0) >= settings.ACCOUNTS_LOGIN_FAILURE_LIMIT:
        raise Throttled(wait=retry_after, detail="Too many failed logins. Try again later.")


def _login_failure_record(*, ip: str, email: str) -> None:
    key, retry_after = _login_failure_key(ip=ip, email=email)
    cache.add(key, 0, timeout=retry_after + 1)
    try:
        cache.incr(key)
    except ValueError:  # the key expired between add and incr
        cache.set(key, 1, timeout=retry_after + 1)


def session_start(*, user: User) -> SessionTokens:
    refresh = RefreshToken.for_user(user)
    User.objects.filter(pk=user.pk).update(last_login=refresh.current_time)
    # update() sends no signal; a cached copy must not write the old time back on its next save().
    user_cache_forget(user_id=user.pk)
    return SessionTokens(access=str(refresh.access_token), refresh=str(refresh))


def user_login(*, email: str, password: str, ip: str) -> tuple[User, SessionTokens]:
    # Addresses are stored normalised; the failure counter counts every spelling as one address.
    email = email_normalize(email)
    _login_guard(ip=ip, email=email)
    user = authenticate(email=email, password=password)
    if user is None:
        _login_failure_record(ip=ip, email=email)
        raise ApplicationError(
            code="invalid_credentials",
            detail="The email or password is wrong.",
            status_code=status.HTTP_401_UNAUTHORIZED,
        )
    if settings.ACCOUNTS_REQUIRE_EMAIL_VERIFICATION and not user.is_email_verified:
        raise ApplicationError(
            code="email_not_verified",
            detail="Verify your email address first: follow the link we sent you, or ask for a new one.",
            status_code=status.HTTP_403_FORBIDDEN,
        )
    return user, session_start(user=user)


def _invalid_session() -> ApplicationError:
    return ApplicationError(
        code="token_not_valid",
        detail="Your session has ended. Log in again.",
        status_code=status.HTTP_401_UNAUTHORIZED,
    )


def _reuse_grace() -> timedelta:
    return timedelta(seconds=settings.AUTH_REFRESH_REUSE_GRACE_SECONDS)


def session_refresh(*, raw_refresh: str | None) -> SessionTokens:
    """Rotates the refresh token: the old one is blacklisted, a new pair is issued.

    Presenting a refresh token that was already rotated means it was copied: every
    session of that user is revoked (refresh-token reuse detection). Except within
    ``AUTH_REFRESH_REUSE_GRACE_SECONDS`` of its rotation: a reload that aborted a refresh
    in flight, or two tabs refreshing at once, present the same token again, so it gets
    a new pair (and stays blacklisted) instead of the alarm. Only rotation blacklists a
    token; logout and revocation delete its row instead (see ``user_sessions_revoke``),
    so a token that merely ended is refused without ending anything else, grace or not.
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
                tokens = session_start(user=user)
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
    with transaction.atomic():
        token = OutstandingToken.objects.filter(jti=payload.get("jti"), blacklistedtoken__isnull=True).first()
        if token is None:
            return
        token.delete()
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
    _, per_model = OutstandingToken.objects.filter(user_id=user_id).delete()
    return per_model.get(OutstandingToken._meta.label, 0) - per_model.get(BlacklistedToken._meta.label, 0)


# --- Passwords --------------------------------------------------------------------------


def password_reset_request(*, email: str) -> None:
    user = user_get_by_email(email=email)
    if user is not None and user.is_active:
        enqueue_on_commit(tasks.send_password_reset_email, user.pk)


@transaction.atomic
def password_reset_confirm(*, uid: str, token: str, new_password: str) -> User:
    user = password_reset_user_get(uid=uid, token=token)
    if user is None:
        raise ApplicationError(
            code="invalid_token", detail="This reset link is invalid or has expired. Ask for a new one."
        )
    _password_set(user=user, new_password=new_password, field="new_password")
    if not user.is_email_verified:
        # Following the emailed link proved the address as well.
        user.is_email_verified = True
        user.save(update_fields=["is_email_verified"])
    # Whoever held a session before the reset may be the reason for it.
    user_sessions_revoke(user_id=user.pk)
    return user


@transaction.atomic
def password_change(*, user: User, current_password: str, new_password: str) -> SessionTokens:
    """Changes the password, ends every other session and returns a fresh one for this client."""
    if not user.check_password(current_password):
        raise ValidationError({"current_password": ValidationError("The current password is wrong.", code="invalid")})
    _password_set(user=user, new_password=new_password, field="new_password")
    user_sessions_revoke(user_id=user.pk)
    return session_start(user=user)


def _password_set(*, user: User, new_password: str, field: str) -> None:
    try:
        validate_password(new_password, user=user)
    except ValidationError as error:
        raise ValidationError({field: error.error_list}) from None
    user.set_password(new_password)
    user.save(update_fields=["password"])


# --- Profile and deletion --------------------------------------------------------------------


def user_update(*, user: User, first_name: str | None = None, last_name: str | None = None) -> User:
    fields = []
    if first_name is not None:
        user.first_name = first_name
        fields.append("first_name")
    if last_name is not None:
        user.last_name = last_name
        fields.append("last_name")
    if fields:
        user.full_clean(exclude=["password"])
        user.save(update_fields=fields)
    return user


def user_delete(*, user: User, password: str | None) -> None:
    """Deletes the account and its personal data after a password check."""
    if user.has_usable_password() and not user.check_password(password or ""):
        raise ValidationError({"password": ValidationError("The password is wrong.", code="invalid")})
    files = [(field.storage, field.name) for field in (user.avatar, user.avatar_thumbnail) if field.name]
    with transaction.atomic():
        user_sessions_revoke(user_id=user.pk)
        user.delete()
        # Files go only once the rows are gone for good.
        for storage, name in files:
            transaction.on_commit(partial(storage.delete, name))


# --- Social accounts --------------------------------------------------------------------------


@transaction.atomic
def social_account_disconnect(*, user: User, account_id: int) -> None:
    account = UserSocialAuth.objects.select_for_update().filter(pk=account_id, user=user).first()
    if account is None:
        raise Http404
    others = UserSocialAuth.objects.filter(user=user).exclude(pk=account.pk).exists()
    if not others and not user.has_usable_password():
        raise ApplicationError(
            code="last_login_method",
            detail="This is your only way to log in. Set a password (reset it by email) before unlinking it.",
            status_code=status.HTTP_409_CONFLICT,
        )
    account.delete()


# --- Housekeeping (beat) ----------------------------------------------------------------------


def tokens_expired_purge() -> int:
    """Deletes refresh tokens past their expiry, and their blacklist entries (simplejwt's
    ``flushexpiredtokens``). An expired token is refused on its own; keeping it buys nothing.
    """
    _, per_model = OutstandingToken.objects.filter(expires_at__lte=timezone.now()).delete()
    return per_model.get(OutstandingToken._meta.label, 0)


def users_unverified_delete() -> int:
    """Deletes accounts whose email was never verified within ``ACCOUNTS_UNVERIFIED_RETENTION``.

    Such an address may not even belong to whoever signed up; keeping it is keeping
    someone's personal data for nothing. Staff accounts are never touched.
    """
    cutoff = timezone.now() - settings.ACCOUNTS_UNVERIFIED_RETENTION
    stale = User.objects.filter(is_email_verified=False, is_staff=False, date_joined__lt=cutoff)
    deleted = 0
    for user in stale.iterator():
        with transaction.atomic():
            user.delete()
        deleted += 1
    return deleted
