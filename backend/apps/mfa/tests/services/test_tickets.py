"""MFA tickets: stored as digests, expire, die after too many failures, spent once."""

import datetime

import pytest
from django.utils import timezone

from apps.common.exceptions import ApplicationError
from apps.mfa.models import MfaTicket
from apps.mfa.services.tickets import mfa_ticket_failure, mfa_ticket_issue, mfa_ticket_spend, mfa_ticket_user

pytestmark = pytest.mark.django_db


def test_a_ticket_finds_its_user_until_spent(user):
    challenge = mfa_ticket_issue(user=user)

    assert mfa_ticket_user(ticket=challenge.ticket) == user
    mfa_ticket_spend(ticket=challenge.ticket)
    with pytest.raises(ApplicationError, match="expired or was already used"):
        mfa_ticket_user(ticket=challenge.ticket)
    with pytest.raises(ApplicationError):
        mfa_ticket_spend(ticket=challenge.ticket)


def test_issuing_sweeps_expired_tickets(user):
    old = mfa_ticket_issue(user=user)
    MfaTicket.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))

    mfa_ticket_issue(user=user)

    assert MfaTicket.objects.count() == 1
    with pytest.raises(ApplicationError):
        mfa_ticket_user(ticket=old.ticket)


def test_the_last_allowed_failure_deletes_the_ticket(user, settings):
    challenge = mfa_ticket_issue(user=user)
    for _ in range(settings.AUTH_MFA_TICKET_MAX_FAILURES - 1):
        mfa_ticket_failure(ticket=challenge.ticket)
    assert mfa_ticket_user(ticket=challenge.ticket) == user

    mfa_ticket_failure(ticket=challenge.ticket)

    assert not MfaTicket.objects.exists()


def test_a_deactivated_user_has_no_live_ticket(user):
    challenge = mfa_ticket_issue(user=user)
    user.is_active = False
    user.save()

    with pytest.raises(ApplicationError):
        mfa_ticket_user(ticket=challenge.ticket)
