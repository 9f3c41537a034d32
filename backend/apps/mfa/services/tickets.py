"""MFA tickets: what the first step of a login with a second factor answers instead of a session.

A ticket is 256 random bits, handed to the client once and stored as its SHA-256 digest. It
lives ``AUTH_MFA_TICKET_TTL`` seconds, is deleted by the second step that succeeds, and dies
after ``AUTH_MFA_TICKET_MAX_FAILURES`` wrong answers.
"""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from http import HTTPStatus

from django.conf import settings
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.accounts.models import User
from apps.common.exceptions import ApplicationError
from apps.mfa.models import MfaTicket
from apps.mfa.selectors import user_mfa_methods


@dataclass(frozen=True)
class MfaChallenge:
    ticket: str
    methods: list[str]
    expires_at: datetime


def _digest(ticket: str) -> str:
    return hashlib.sha256(ticket.encode()).hexdigest()


def invalid_ticket() -> ApplicationError:
    return ApplicationError(
        code="invalid_ticket",
        detail=_("This sign-in step has expired or was already used. Log in again."),
        status_code=HTTPStatus.UNAUTHORIZED,
    )


def mfa_ticket_issue(*, user: User) -> MfaChallenge:
    """A new ticket for ``user``, who passed the first step and has a second factor."""
    now = timezone.now()
    MfaTicket.objects.filter(expires_at__lte=now).delete()
    ticket = secrets.token_urlsafe(32)
    expires_at = now + timedelta(seconds=settings.AUTH_MFA_TICKET_TTL)
    MfaTicket.objects.create(digest=_digest(ticket), user=user, expires_at=expires_at)
    return MfaChallenge(ticket=ticket, methods=user_mfa_methods(user=user), expires_at=expires_at)


def mfa_ticket_user(*, ticket: str) -> User:
    """The active user of a live ticket, without using it up."""
    row = (
        MfaTicket.objects.select_related("user")
        .filter(digest=_digest(ticket), expires_at__gt=timezone.now(), user__is_active=True)
        .first()
    )
    if row is None:
        raise invalid_ticket()
    return row.user


def mfa_ticket_spend(*, ticket: str) -> None:
    """Uses the ticket up; of two concurrent second steps only the first gets past this."""
    deleted, _counts = MfaTicket.objects.filter(digest=_digest(ticket), expires_at__gt=timezone.now()).delete()
    if not deleted:
        raise invalid_ticket()


def mfa_ticket_failure(*, ticket: str) -> None:
    """Counts a wrong answer on the ticket; the last one allowed deletes it."""
    digest = _digest(ticket)
    MfaTicket.objects.filter(digest=digest).update(failures=F("failures") + 1)
    MfaTicket.objects.filter(digest=digest, failures__gte=settings.AUTH_MFA_TICKET_MAX_FAILURES).delete()
