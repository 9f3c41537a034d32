"""Sessions as refresh-token families (services/sessions.py, services/user_sessions.py)."""

from datetime import timedelta

import pytest
from django.conf import settings
from freezegun import freeze_time
from rest_framework_simplejwt.state import token_backend
from rest_framework_simplejwt.token_blacklist.models import OutstandingToken
from rest_framework_simplejwt.tokens import AccessToken, RefreshToken

from apps.accounts.models import UserSession
from apps.accounts.services import sessions
from apps.accounts.services.passwords import password_change
from apps.accounts.services.profile import user_remove
from apps.accounts.services.user_sessions import user_session_end, user_sessions_end_others
from apps.accounts.tests.factories import DEFAULT_PASSWORD, TEST_CLIENT, UserFactory
from apps.common.auth import ClientInfo
from apps.common.exceptions import ApplicationError

pytestmark = pytest.mark.django_db


def claims(raw: str) -> dict:
    return token_backend.decode(raw, verify=False)  # type: ignore[arg-type]


def sid(tokens: sessions.SessionTokens) -> str:
    return claims(tokens.refresh)["sid"]


def past_the_grace():
    return freeze_time(timedelta(seconds=settings.AUTH_REFRESH_REUSE_GRACE_SECONDS + 1))


def test_a_sign_in_records_the_client_and_both_tokens_name_the_session(user):
    tokens = sessions.session_start(user=user, client=ClientInfo(ip="203.0.113.9", user_agent=TEST_CLIENT.user_agent))

    session = UserSession.objects.get(user=user)
    assert sid(tokens) == AccessToken(tokens.access)["sid"] == str(session.pk)
    assert session.device == "Firefox on Linux"
    assert (session.ip, session.network) == ("203.0.113.9", "203.0.113.0/24")
    assert session.refresh_jti == claims(tokens.refresh)["jti"]
    assert session.ended_at is None


def test_a_client_without_a_usable_address_or_user_agent_still_signs_in(user):
    sessions.session_start(user=user, client=ClientInfo(ip="", user_agent=""))

    session = UserSession.objects.get(user=user)
    assert (session.ip, session.network, session.device) == (None, "", "")


def test_rotation_keeps_the_session_id(user):
    first = sessions.session_start(user=user, client=TEST_CLIENT)
    second = sessions.session_refresh(raw_refresh=first.refresh, client=TEST_CLIENT)
    third = sessions.session_refresh(raw_refresh=second.refresh, client=TEST_CLIENT)

    assert sid(first) == sid(second) == sid(third)
    assert UserSession.objects.get().refresh_jti == claims(third.refresh)["jti"]


def test_a_token_from_before_sessions_becomes_a_session_at_its_next_rotation(user):
    legacy = RefreshToken.for_user(user)  # no sid claim

    tokens = sessions.session_refresh(raw_refresh=str(legacy), client=TEST_CLIENT)

    session = UserSession.objects.get(user=user)
    assert sid(tokens) == str(session.pk)
    assert session.device == "Firefox on Linux"


def test_a_token_with_a_malformed_session_claim_is_refused(user):
    token = RefreshToken.for_user(user)
    token["sid"] = "not-a-session"
    with pytest.raises(ApplicationError):
        sessions.session_refresh(raw_refresh=str(token), client=TEST_CLIENT)


def test_ending_a_session_deletes_its_live_refresh_token(user):
    ended = sessions.session_start(user=user, client=TEST_CLIENT)
    kept = sessions.session_start(user=user, client=TEST_CLIENT)

    user_session_end(user=user, session_id=sid(ended))

    assert not OutstandingToken.objects.filter(jti=claims(ended.refresh)["jti"]).exists()
    assert UserSession.objects.get(pk=sid(ended)).ended_at is not None
    with pytest.raises(ApplicationError):
        sessions.session_refresh(raw_refresh=ended.refresh, client=TEST_CLIENT)
    assert sessions.session_refresh(raw_refresh=kept.refresh, client=TEST_CLIENT)


def test_an_old_rotated_token_of_an_ended_session_is_refused_without_the_reuse_alarm(user):
    ended = sessions.session_start(user=user, client=TEST_CLIENT)
    sessions.session_refresh(raw_refresh=ended.refresh, client=TEST_CLIENT)  # `ended.refresh` is now rotated
    kept = sessions.session_start(user=user, client=TEST_CLIENT)
    user_session_end(user=user, session_id=sid(ended))

    with past_the_grace():
        with pytest.raises(ApplicationError):
            sessions.session_refresh(raw_refresh=ended.refresh, client=TEST_CLIENT)

        assert sessions.session_refresh(raw_refresh=kept.refresh, client=TEST_CLIENT)
    assert UserSession.objects.get(pk=sid(kept)).ended_at is None


def test_a_token_rotated_within_the_grace_cannot_revive_an_ended_session(user):
    first = sessions.session_start(user=user, client=TEST_CLIENT)
    sessions.session_refresh(raw_refresh=first.refresh, client=TEST_CLIENT)
    user_session_end(user=user, session_id=sid(first))

    with pytest.raises(ApplicationError):
        sessions.session_refresh(raw_refresh=first.refresh, client=TEST_CLIENT)


def test_reuse_detection_still_ends_every_session(user):
    stolen = sessions.session_start(user=user, client=TEST_CLIENT)
    sessions.session_refresh(raw_refresh=stolen.refresh, client=TEST_CLIENT)
    other = sessions.session_start(user=user, client=TEST_CLIENT)

    with past_the_grace():
        with pytest.raises(ApplicationError):
            sessions.session_refresh(raw_refresh=stolen.refresh, client=TEST_CLIENT)
        with pytest.raises(ApplicationError):
            sessions.session_refresh(raw_refresh=other.refresh, client=TEST_CLIENT)

    assert not UserSession.objects.filter(user=user, ended_at__isnull=True).exists()
    assert not OutstandingToken.objects.filter(user=user).exists()


def test_logout_ends_its_session(user):
    tokens = sessions.session_start(user=user, client=TEST_CLIENT)

    sessions.session_end(raw_refresh=tokens.refresh)

    assert UserSession.objects.get().ended_at is not None


def test_logout_with_a_rotated_token_leaves_the_session_running(user):
    first = sessions.session_start(user=user, client=TEST_CLIENT)
    second = sessions.session_refresh(raw_refresh=first.refresh, client=TEST_CLIENT)

    with past_the_grace():
        sessions.session_end(raw_refresh=first.refresh)

        assert UserSession.objects.get().ended_at is None
        assert sessions.session_refresh(raw_refresh=second.refresh, client=TEST_CLIENT)


def test_a_password_change_ends_every_session_and_starts_one(user):
    old = sessions.session_start(user=user, client=TEST_CLIENT)

    fresh = password_change(
        user=user, client=TEST_CLIENT, current_password=DEFAULT_PASSWORD, new_password="a-long-and-unusual-passphrase"
    )

    assert UserSession.objects.get(pk=sid(old)).ended_at is not None
    assert UserSession.objects.get(pk=sid(fresh)).ended_at is None


def test_deleting_the_account_deletes_its_sessions(user):
    sessions.session_start(user=user, client=TEST_CLIENT)
    user_remove(user=user)
    assert not UserSession.objects.exists()


def test_end_others_ends_the_rest_and_keeps_the_current(user):
    current = sessions.session_start(user=user, client=TEST_CLIENT)
    others = [sessions.session_start(user=user, client=TEST_CLIENT) for _ in range(2)]
    untouched = sessions.session_start(user=UserFactory(), client=TEST_CLIENT)

    assert user_sessions_end_others(user=user, current_session_id=sid(current)) == 2

    live = set(UserSession.objects.filter(ended_at__isnull=True).values_list("pk", flat=True))
    assert {str(pk) for pk in live} == {sid(current), sid(untouched)}
    for tokens in others:
        assert not OutstandingToken.objects.filter(jti=claims(tokens.refresh)["jti"]).exists()


def test_end_others_without_a_current_session_ends_all(user):
    sessions.session_start(user=user, client=TEST_CLIENT)
    assert user_sessions_end_others(user=user, current_session_id=None) == 1


def test_ending_a_session_of_someone_else_is_not_found(user):
    theirs = sessions.session_start(user=UserFactory(), client=TEST_CLIENT)
    with pytest.raises(ApplicationError) as raised:
        user_session_end(user=user, session_id=sid(theirs))
    assert raised.value.status_code == 404
    assert UserSession.objects.get().ended_at is None
