"""Refresh-token reuse detection fires on rotated tokens only.

A token that ended by logout, password change, reset or a reuse alarm is refused,
but replaying it must not end the sessions started since.
"""

from datetime import timedelta

import pytest
from django.conf import settings
from freezegun import freeze_time
from rest_framework.test import APIClient

from apps.accounts.tests.apis.auth import (
    CHANGE,
    COOKIE,
    LOGOUT,
    REFRESH,
    RESET_CONFIRM,
    STRONG_PASSWORD,
    assert_problem,
    login,
)
from apps.accounts.tests.factories import DEFAULT_PASSWORD, UserFactory
from apps.accounts.tokens import password_reset_token_make, password_reset_uid_make

pytestmark = pytest.mark.django_db(transaction=False)


def past_the_grace():
    """Time after the grace in which a just-rotated token is still honoured (test_refresh_grace.py).

    Everything after it runs inside the block: tokens issued there carry a future `iat`.
    """
    return freeze_time(timedelta(seconds=settings.AUTH_REFRESH_REUSE_GRACE_SECONDS + 1))


def replay(token: str):
    attacker = APIClient()
    attacker.cookies[COOKIE] = token
    return attacker.post(REFRESH)


def test_an_old_cookie_after_a_password_change_is_refused_without_ending_the_new_session(user):
    device_a, device_b = APIClient(), APIClient()
    access = login(device_a, user).json()["access"]
    old_b = login(device_b, user).cookies[COOKIE].value
    device_a.credentials(HTTP_AUTHORIZATION=f"Bearer {access}")
    changed = device_a.post(CHANGE, {"currentPassword": DEFAULT_PASSWORD, "newPassword": STRONG_PASSWORD})
    assert changed.status_code == 204

    assert_problem(device_b.post(REFRESH), 401, "token_not_valid")
    assert_problem(replay(old_b), 401, "token_not_valid")

    assert device_a.post(REFRESH).status_code == 200


def test_an_old_cookie_after_a_reset_is_refused_without_ending_the_new_session(user):
    old = login(APIClient(), user).cookies[COOKIE].value
    user.refresh_from_db()
    payload = {"uid": password_reset_uid_make(user=user), "token": password_reset_token_make(user=user)}
    assert APIClient().post(RESET_CONFIRM, {**payload, "newPassword": STRONG_PASSWORD}).status_code == 204
    fresh = APIClient()
    login(fresh, user, password=STRONG_PASSWORD)

    for _ in range(2):
        assert_problem(replay(old), 401, "token_not_valid")

    assert fresh.post(REFRESH).status_code == 200


def test_a_rotated_token_from_before_a_password_change_cannot_end_the_sessions_after_it(user):
    device_a, device_b = APIClient(), APIClient()
    access = login(device_a, user).json()["access"]
    rotated = login(device_b, user).cookies[COOKIE].value
    assert device_b.post(REFRESH).status_code == 200  # `rotated` is now on the blacklist
    device_a.credentials(HTTP_AUTHORIZATION=f"Bearer {access}")
    assert (
        device_a.post(CHANGE, {"currentPassword": DEFAULT_PASSWORD, "newPassword": STRONG_PASSWORD}).status_code == 204
    )

    assert_problem(replay(rotated), 401, "token_not_valid")

    assert device_a.post(REFRESH).status_code == 200


def test_a_logged_out_token_replayed_is_refused_and_other_devices_keep_their_session(user):
    laptop, phone = APIClient(), APIClient()
    copied = login(laptop, user).cookies[COOKIE].value
    login(phone, user)
    assert laptop.post(LOGOUT).status_code == 204

    assert_problem(replay(copied), 401, "token_not_valid")

    assert phone.post(REFRESH).status_code == 200


def test_reuse_of_a_rotated_token_ends_every_session_of_that_user_only(user):
    laptop, phone, stranger = APIClient(), APIClient(), APIClient()
    stolen = login(laptop, user).cookies[COOKIE].value
    login(phone, user)
    login(stranger, UserFactory())
    assert laptop.post(REFRESH).status_code == 200

    with past_the_grace():
        assert_problem(replay(stolen), 401, "token_not_valid")

        assert_problem(laptop.post(REFRESH), 401, "token_not_valid")
        assert_problem(phone.post(REFRESH), 401, "token_not_valid")
        assert stranger.post(REFRESH).status_code == 200


def test_the_same_stolen_token_cannot_end_the_session_started_after_the_alarm(user):
    laptop = APIClient()
    stolen = login(laptop, user).cookies[COOKIE].value
    laptop.post(REFRESH)
    with past_the_grace():
        assert_problem(replay(stolen), 401, "token_not_valid")  # the alarm: every session ends
        fresh = APIClient()
        login(fresh, user)

        assert_problem(replay(stolen), 401, "token_not_valid")

        assert fresh.post(REFRESH).status_code == 200


def test_logout_with_a_rotated_token_does_not_erase_the_evidence(user):
    laptop = APIClient()
    stolen = login(laptop, user).cookies[COOKIE].value
    laptop.post(REFRESH)
    thief = APIClient()
    thief.cookies[COOKIE] = stolen
    assert thief.post(LOGOUT).status_code == 204

    with past_the_grace():
        assert_problem(replay(stolen), 401, "token_not_valid")

        assert_problem(laptop.post(REFRESH), 401, "token_not_valid")
