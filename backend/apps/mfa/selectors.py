"""Reads about a user's second factors. Other apps ask ``user_has_second_factor``."""

from dataclasses import dataclass

from django.db.models import QuerySet

from apps.accounts.models import User
from apps.mfa.models import Passkey, RecoveryCode, TotpDevice

METHOD_TOTP = "totp"
METHOD_RECOVERY_CODE = "recoveryCode"
METHOD_PASSKEY = "passkey"


@dataclass(frozen=True)
class MfaStatus:
    totp_enabled: bool
    recovery_codes_remaining: int
    passkey_count: int
    has_password: bool


def user_totp_enabled(*, user: User) -> bool:
    return TotpDevice.objects.filter(user=user, confirmed_at__isnull=False).exists()


def user_has_second_factor(*, user: User) -> bool:
    """True when logging in as this user takes a second step: a confirmed TOTP or a passkey."""
    return user_totp_enabled(user=user) or Passkey.objects.filter(user=user).exists()


def user_mfa_methods(*, user: User) -> list[str]:
    """The second factors this user can answer a login ticket with, in the order the frontend offers them."""
    methods = []
    if user_totp_enabled(user=user):
        methods.append(METHOD_TOTP)
    if RecoveryCode.objects.filter(user=user, used_at__isnull=True).exists():
        methods.append(METHOD_RECOVERY_CODE)
    if Passkey.objects.filter(user=user).exists():
        methods.append(METHOD_PASSKEY)
    return methods


def user_mfa_status(*, user: User) -> MfaStatus:
    return MfaStatus(
        totp_enabled=user_totp_enabled(user=user),
        recovery_codes_remaining=RecoveryCode.objects.filter(user=user, used_at__isnull=True).count(),
        passkey_count=Passkey.objects.filter(user=user).count(),
        has_password=user.has_usable_password(),
    )


def user_passkeys_list(*, user: User) -> QuerySet[Passkey]:
    return Passkey.objects.filter(user=user).only("id", "name", "created_at", "last_used_at")
