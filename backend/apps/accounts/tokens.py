"""Signed, expiring tokens for links sent by email."""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core import signing
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.encoding import force_bytes, force_str
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode

from apps.accounts.models import User

_EMAIL_VERIFICATION_SALT = "accounts.email-verification"
_EMAIL_CHANGE_SALT = "accounts.email-change"


def email_verification_token_make(*, user: User) -> str:
    # The email is signed too, so a token stops working if the address changes.
    return signing.dumps({"uid": user.pk, "email": user.email}, salt=_EMAIL_VERIFICATION_SALT, compress=True)


def email_verification_token_read(*, token: str) -> dict | None:
    try:
        return signing.loads(
            token,
            salt=_EMAIL_VERIFICATION_SALT,
            max_age=settings.ACCOUNTS_EMAIL_VERIFICATION_MAX_AGE,
        )
    except signing.BadSignature:  # also covers SignatureExpired
        return None


def _password_fingerprint(user: User) -> str:
    # A new password (or a reset) cancels a pending change: the owner's answer to the notice.
    return salted_hmac(_EMAIL_CHANGE_SALT, user.password).hexdigest()[:16]


def email_change_token_make(*, user: User, new_email: str) -> str:
    """The link to the new address. Signs the current address too, so the token is spent once the
    change happened (the address differs) and dies if the address changed otherwise meanwhile."""
    return signing.dumps(
        {"uid": user.pk, "email": user.email, "new": new_email, "pw": _password_fingerprint(user)},
        salt=_EMAIL_CHANGE_SALT,
        compress=True,
    )


def email_change_token_read(*, token: str) -> dict | None:
    """The payload of a valid, unexpired token. The caller still checks it against the user
    (``email_change_token_matches``)."""
    try:
        payload = signing.loads(token, salt=_EMAIL_CHANGE_SALT, max_age=settings.ACCOUNTS_EMAIL_CHANGE_MAX_AGE)
    except signing.BadSignature:  # also covers SignatureExpired
        return None
    return payload if isinstance(payload, dict) and {"uid", "email", "new", "pw"} <= payload.keys() else None


def email_change_token_matches(*, user: User, payload: dict) -> bool:
    return user.email == payload["email"] and constant_time_compare(_password_fingerprint(user), payload["pw"])


def password_reset_uid_make(*, user: User) -> str:
    return urlsafe_base64_encode(force_bytes(user.pk))


def password_reset_token_make(*, user: User) -> str:
    # Django's generator hashes the password and last login, so a used token dies.
    return default_token_generator.make_token(user)


def password_reset_user_find(*, uid: str, token: str) -> User | None:
    try:
        pk = int(force_str(urlsafe_base64_decode(uid)))
    except (TypeError, ValueError, OverflowError):
        return None
    user = User.objects.filter(pk=pk, is_active=True).first()
    if user is None or not default_token_generator.check_token(user, token):
        return None
    return user
