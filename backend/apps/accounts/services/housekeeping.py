"""Periodic clean-up, run by beat (apps/accounts/tasks.py)."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from rest_framework_simplejwt.token_blacklist.models import OutstandingToken

from apps.accounts.models import User


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
