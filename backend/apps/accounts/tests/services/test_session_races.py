"""A refresh in flight while every session of its user is revoked (password change, reset, deletion)."""

import threading
from unittest import mock

import pytest
from django.db import connection
from rest_framework_simplejwt.state import token_backend
from rest_framework_simplejwt.token_blacklist.models import OutstandingToken

from apps.accounts.models import UserSession
from apps.accounts.services import sessions
from apps.accounts.services.user_sessions import user_session_end
from apps.accounts.tests.factories import TEST_CLIENT, UserFactory
from apps.common.exceptions import ApplicationError
from apps.common.tests.concurrency import wait_until_blocked_or_done


@pytest.mark.django_db(transaction=True)
def test_a_revocation_during_a_refresh_also_ends_the_token_that_refresh_issues():
    if connection.vendor != "postgresql":
        pytest.skip("needs row locks (PostgreSQL)")
    user = UserFactory()
    old = sessions.session_start(user=user, client=TEST_CLIENT)
    issued: list[sessions.SessionTokens] = []
    rotating, may_finish = threading.Event(), threading.Event()
    session_continue = sessions._session_continue

    def issue_when_allowed(**kwargs):
        rotating.set()
        may_finish.wait(10)
        return session_continue(**kwargs)

    def refresh():
        try:
            issued.append(sessions.session_refresh(raw_refresh=old.refresh, client=TEST_CLIENT))
        finally:
            connection.close()

    def revoke():
        try:
            sessions.user_sessions_revoke(user_id=user.pk)
        finally:
            connection.close()

    with mock.patch.object(sessions, "_session_continue", issue_when_allowed):
        refresher = threading.Thread(target=refresh)
        refresher.start()
        assert rotating.wait(10)
        revoker = threading.Thread(target=revoke)
        revoker.start()
        # The revocation must wait for the rotation; without the lock it simply finishes first.
        wait_until_blocked_or_done(revoker)
        may_finish.set()
        refresher.join(10)
        revoker.join(10)

    assert issued, "the refresh that started first completes"
    assert not OutstandingToken.objects.filter(user=user).exists()
    with pytest.raises(ApplicationError):
        sessions.session_refresh(raw_refresh=issued[0].refresh, client=TEST_CLIENT)


@pytest.mark.django_db(transaction=True)
def test_ending_a_session_during_its_refresh_also_ends_the_token_that_refresh_issues():
    if connection.vendor != "postgresql":
        pytest.skip("needs row locks (PostgreSQL)")
    user = UserFactory()
    old = sessions.session_start(user=user, client=TEST_CLIENT)
    session_id = UserSession.objects.get(user=user).pk
    issued: list[sessions.SessionTokens] = []
    rotating, may_finish = threading.Event(), threading.Event()
    session_continue = sessions._session_continue

    def issue_when_allowed(**kwargs):
        rotating.set()
        may_finish.wait(10)
        return session_continue(**kwargs)

    def refresh():
        try:
            issued.append(sessions.session_refresh(raw_refresh=old.refresh, client=TEST_CLIENT))
        finally:
            connection.close()

    def end():
        try:
            user_session_end(user=user, session_id=session_id)
        finally:
            connection.close()

    with mock.patch.object(sessions, "_session_continue", issue_when_allowed):
        refresher = threading.Thread(target=refresh)
        refresher.start()
        assert rotating.wait(10)
        ender = threading.Thread(target=end)
        ender.start()
        wait_until_blocked_or_done(ender)
        may_finish.set()
        refresher.join(10)
        ender.join(10)

    assert issued, "the refresh that started first completes"
    assert UserSession.objects.get(pk=session_id).ended_at is not None
    # Ending waited for the rotation, so the token it deleted is the one the rotation issued.
    issued_jti = token_backend.decode(issued[0].refresh, verify=False)["jti"]  # type: ignore[arg-type]
    assert not OutstandingToken.objects.filter(jti=issued_jti).exists()
    with pytest.raises(ApplicationError):
        sessions.session_refresh(raw_refresh=issued[0].refresh, client=TEST_CLIENT)
