"""Reads of sessions: the live ones of a user, and whether a device is known."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from apps.accounts.models import UserSession
from apps.accounts.selectors import user_device_known, user_sessions_active
from apps.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_active_sessions_are_the_live_unexpired_ones_of_the_user_most_recently_used_first(user):
    now = timezone.now()
    lifetime = settings.REFRESH_TOKEN_LIFETIME
    older = UserSession.objects.create(user=user, last_used_at=now - timedelta(hours=2))
    newer = UserSession.objects.create(user=user, last_used_at=now - timedelta(minutes=1))
    UserSession.objects.create(user=user, ended_at=now)
    UserSession.objects.create(user=user, last_used_at=now - lifetime - timedelta(minutes=1))
    UserSession.objects.create(user=UserFactory())

    assert list(user_sessions_active(user=user)) == [newer, older]


def test_a_device_is_known_by_its_label_and_network_in_any_session_of_the_user(user):
    UserSession.objects.create(user=user, device="Firefox on Linux", network="192.0.2.0/24", ended_at=timezone.now())

    assert user_device_known(user=user, device="Firefox on Linux", network="192.0.2.0/24")
    assert not user_device_known(user=user, device="Firefox on Linux", network="198.51.100.0/24")
    assert not user_device_known(user=user, device="Chrome on Windows", network="192.0.2.0/24")
    assert not user_device_known(user=UserFactory(), device="Firefox on Linux", network="192.0.2.0/24")
