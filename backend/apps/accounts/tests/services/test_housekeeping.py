from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken
from rest_framework_simplejwt.tokens import RefreshToken

from apps.accounts import tasks
from apps.accounts.models import User, UserSession
from apps.accounts.services import housekeeping
from apps.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_expired_refresh_tokens_and_their_blacklist_entries_are_purged(user):
    expired = OutstandingToken.objects.get(jti=RefreshToken.for_user(user)["jti"])
    OutstandingToken.objects.filter(pk=expired.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    BlacklistedToken.objects.create(token=expired)
    live = OutstandingToken.objects.get(jti=RefreshToken.for_user(user)["jti"])

    assert tasks.purge_expired_tokens.apply().result == 1

    assert list(OutstandingToken.objects.all()) == [live]
    assert not BlacklistedToken.objects.exists()


def test_accounts_never_verified_are_deleted_after_the_retention(settings):
    old = timezone.now() - settings.ACCOUNTS_UNVERIFIED_RETENTION - timedelta(minutes=1)
    UserFactory(is_email_verified=False, date_joined=old)
    recent = UserFactory(is_email_verified=False)
    verified = UserFactory(date_joined=old)
    staff = UserFactory(is_email_verified=False, is_staff=True, date_joined=old)

    assert tasks.delete_unverified_accounts.apply().result == 1

    assert set(User.objects.all()) == {recent, verified, staff}


def test_nothing_to_purge_is_fine():
    assert housekeeping.tokens_expired_purge() == 0
    assert housekeeping.users_unverified_delete() == 0


def test_sessions_are_purged_once_past_their_history(user, settings):
    now = timezone.now()
    lifetime = settings.REFRESH_TOKEN_LIFETIME
    history = settings.AUTH_SESSION_HISTORY
    kept = [
        UserSession.objects.create(user=user),
        UserSession.objects.create(user=user, ended_at=now - history + timedelta(hours=1)),
        UserSession.objects.create(user=user, last_used_at=now - lifetime - history + timedelta(hours=1)),
    ]
    UserSession.objects.create(user=user, ended_at=now - history - timedelta(hours=1))
    UserSession.objects.create(user=user, last_used_at=now - lifetime - history - timedelta(hours=1))

    assert housekeeping.sessions_stale_purge() == 2

    assert set(UserSession.objects.all()) == set(kept)
