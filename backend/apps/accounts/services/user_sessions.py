"""The signed-in user's sessions: ending one, or all but the current one (the sessions list)."""

import uuid
from http import HTTPStatus

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework_simplejwt.token_blacklist.models import OutstandingToken

from apps.accounts.models import User, UserSession
from apps.accounts.selectors import user_sessions_active
from apps.common.exceptions import ApplicationError


def _sessions_close(*, user: User, sessions: list[UserSession]) -> int:
    """Ends ``sessions``: marked ended, and each one's live refresh token deleted.

    Deleted, not blacklisted, as logout does: the blacklist means "rotated", and a rotated
    token seen again raises the reuse alarm (session_refresh). The session's older, rotated
    tokens stay on the blacklist, but session_refresh refuses any token of an ended session
    before it looks there, so the device whose session was ended is simply signed out.
    """
    UserSession.objects.filter(pk__in=[session.pk for session in sessions]).update(ended_at=timezone.now())
    jtis = [session.refresh_jti for session in sessions if session.refresh_jti]
    OutstandingToken.objects.filter(user=user, jti__in=jtis).delete()
    return len(sessions)


@transaction.atomic
def user_session_end(*, user: User, session_id: uuid.UUID) -> None:
    """Ends one of the user's sessions (the current one too, which is then signed out)."""
    # The locks session_refresh takes, in its order: a rotation in flight finishes first, so
    # the refresh token deleted here is the session's latest.
    User.objects.select_for_update().filter(pk=user.pk).exists()
    session = user_sessions_active(user=user).select_for_update().filter(pk=session_id).first()
    if session is None:
        raise ApplicationError(
            code="not_found", detail=_("There is no such session."), status_code=HTTPStatus.NOT_FOUND
        )
    _sessions_close(user=user, sessions=[session])


@transaction.atomic
def user_sessions_end_others(*, user: User, current_session_id: uuid.UUID | None) -> int:
    """Ends every session of the user but the current one; returns how many ended.

    ``current_session_id`` is None for a token from before sessions: then every session ends.
    """
    User.objects.select_for_update().filter(pk=user.pk).exists()
    others = user_sessions_active(user=user).select_for_update()
    if current_session_id is not None:
        others = others.exclude(pk=current_session_id)
    return _sessions_close(user=user, sessions=list(others))
