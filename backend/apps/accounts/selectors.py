"""Reads for accounts."""

import uuid

from django.conf import settings
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

# [copier] if social
from social_django.models import UserSocialAuth

# [copier] end
from apps.accounts.models import User, UserSession, email_normalize


def user_find_by_email(*, email: str) -> User | None:
    """The account with this address (any spelling of it), or None: most callers must not reveal which."""
    return User.objects.filter(email=email_normalize(email)).first()


def user_with_session_state(*, user_id: str | int, session_id: uuid.UUID) -> User | None:
    """The user, annotated ``session_live``: whether the session exists, is theirs and has not ended.

    One query, the same primary-key lookup a bearer request made before sessions, with an
    index lookup of the session inside it: ending a session reaches its access tokens at no
    cost per request (apps/accounts/authentication.py).
    """
    live = UserSession.objects.filter(pk=session_id, user_id=OuterRef("pk"), ended_at__isnull=True)
    return User.objects.annotate(session_live=Exists(live)).filter(pk=user_id).first()


# [copier] if social
def user_social_accounts_list(*, user: User) -> QuerySet[UserSocialAuth]:
    return UserSocialAuth.objects.filter(user=user).order_by("created")


# [copier] end
def user_sessions_active(*, user: User) -> QuerySet[UserSession]:
    """The user's sessions that can still refresh, the most recently used first.

    Every rotation renews the refresh token's lifetime and ``last_used_at``, so a session
    whose last rotation is older than that lifetime has expired.
    """
    expired_before = timezone.now() - settings.REFRESH_TOKEN_LIFETIME
    return UserSession.objects.filter(user=user, ended_at__isnull=True, last_used_at__gt=expired_before).order_by(
        "-last_used_at", "-created_at"
    )


def user_device_known(*, user: User, device: str, network: str) -> bool:
    """Whether a session of the user, live or ended (and not yet purged), came from this device
    label and network: what the new-device email calls a known device."""
    return UserSession.objects.filter(user=user, device=device, network=network).exists()
