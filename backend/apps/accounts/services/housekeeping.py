"""Periodic clean-up, run by beat (apps/accounts/tasks.py)."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from rest_framework_simplejwt.token_blacklist.models import OutstandingToken

from apps.accounts.models import User, UserSession


def tokens_expired_purge() -> int:
    """Deletes refresh tokens past their expiry, and their blacklist entries (simplejwt's
    ``flushexpiredtokens``). An expired token is refused on its own; keeping it buys nothing.
    """
    _, per_model = OutstandingToken.objects.filter(expires_at__lte=timezone.now()).delete()
    return per_model.get(OutstandingToken._meta.label, 0)


def sessions_stale_purge() -> int:
    """Deletes sessions ended, or expired, more than ``AUTH_SESSION_HISTORY`` ago.

    Until then an ended session is still the memory of a known device (no new-device email
    for it); after that the address and user agent it recorded are personal data kept for nothing.
    """
    cutoff = timezone.now() - settings.AUTH_SESSION_HISTORY
    # A session that was never ended expired one refresh lifetime after its last rotation.
    expired_cutoff = cutoff - settings.REFRESH_TOKEN_LIFETIME
    stale = UserSession.objects.filter(ended_at__lt=cutoff) | UserSession.objects.filter(
        ended_at__isnull=True, last_used_at__lt=expired_cutoff
    )
    deleted, _ = stale.delete()
    return deleted


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
