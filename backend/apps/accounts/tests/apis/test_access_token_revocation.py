"""Revocation reaches access tokens at once (issue 19, finding 4): whatever ends a session makes the
access tokens issued for it fail with 401 on the next request, not when they expire; tokens of
sessions started afterwards work. Checked in the one query that loads the user."""

import pytest
from django.test import Client
from django.urls import reverse
from freezegun import freeze_time
from rest_framework.test import APIClient
from rest_framework_simplejwt.tokens import AccessToken

from apps.accounts.models import User
from apps.accounts.tests.apis.auth import (
    CHANGE,
    COOKIE,
    LOGOUT,
    ME,
    REFRESH,
    RESET_CONFIRM,
    STRONG_PASSWORD,
    assert_problem,
    login,
)
from apps.accounts.tests.factories import DEFAULT_PASSWORD, UserFactory
from apps.accounts.tokens import email_change_token_make, password_reset_token_make, password_reset_uid_make

pytestmark = pytest.mark.django_db

END_OTHERS = reverse("api:users:sessions-end-others")
EMAIL_CONFIRM = reverse("api:auth:email-change-confirm")


class Device:
    """A browser signed in as ``user``: the refresh cookie in its client, its access token kept."""

    def __init__(self, user: User, password: str = DEFAULT_PASSWORD) -> None:
        self.client = APIClient()
        self.access = login(self.client, user, password).json()["access"]
        self.client.credentials(HTTP_AUTHORIZATION=f"Bearer {self.access}")

    def me(self, access: str | None = None):
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {access or self.access}")
        return client.get(ME)


def assert_ended(response) -> None:
    assert_problem(response, 401, "token_not_valid")


def test_logout_ends_its_sessions_access_token_and_no_other(user):
    phone, laptop = Device(user), Device(user)

    assert phone.client.post(LOGOUT).status_code == 204

    assert_ended(phone.me())
    assert laptop.me().status_code == 200


def test_ending_one_session_ends_its_access_token(user):
    phone, laptop = Device(user), Device(user)
    phone_session = phone.client.get(reverse("api:users:sessions")).json()
    phone_sid = next(session["id"] for session in phone_session if session["current"])

    assert laptop.client.delete(reverse("api:users:session-detail", args=[phone_sid])).status_code == 204

    assert_ended(phone.me())
    assert laptop.me().status_code == 200


def test_ending_the_other_sessions_ends_their_access_tokens(user):
    phone, laptop = Device(user), Device(user)

    assert laptop.client.post(END_OTHERS).json() == {"ended": 1}

    assert_ended(phone.me())
    assert laptop.me().status_code == 200


def test_the_reuse_alarm_ends_every_access_token_issued_before_it(user, settings):
    settings.AUTH_REFRESH_REUSE_GRACE_SECONDS = 0  # every replay is the alarm
    phone, laptop = Device(user), Device(user)
    copied = phone.client.cookies[COOKIE].value
    rotated = phone.client.post(REFRESH)
    assert rotated.status_code == 200

    thief = APIClient()
    thief.cookies[COOKIE] = copied
    assert_problem(thief.post(REFRESH), 401, "token_not_valid")

    assert_ended(phone.me())
    assert_ended(phone.me(rotated.json()["access"]))
    assert_ended(laptop.me())
    assert Device(user).me().status_code == 200


def test_a_password_change_ends_every_older_access_token_and_keeps_the_new_one(user):
    phone, laptop = Device(user), Device(user)

    changed = laptop.client.post(CHANGE, {"currentPassword": DEFAULT_PASSWORD, "newPassword": STRONG_PASSWORD})
    assert changed.status_code == 204, changed.content

    assert_ended(phone.me())
    assert_ended(laptop.me())
    # The changing client's fresh cookie: a new session, whose access token works.
    assert laptop.me(laptop.client.post(REFRESH).json()["access"]).status_code == 200


def test_a_password_reset_ends_every_access_token_issued_before_it(user):
    phone = Device(user)
    user.refresh_from_db()  # the login moved last_login, which the reset token covers
    payload = {"uid": password_reset_uid_make(user=user), "token": password_reset_token_make(user=user)}

    assert APIClient().post(RESET_CONFIRM, {**payload, "newPassword": STRONG_PASSWORD}).status_code == 204

    assert_ended(phone.me())
    assert Device(user, STRONG_PASSWORD).me().status_code == 200


def test_a_confirmed_email_change_ends_every_access_token_issued_before_it(user):
    phone = Device(user)
    token = email_change_token_make(user=user, new_email="grace@example.com")

    assert APIClient().post(EMAIL_CONFIRM, {"token": token}).status_code == 204

    assert_ended(phone.me())
    user.refresh_from_db()
    assert Device(user).me().status_code == 200


def test_deleting_the_account_ends_its_access_tokens(user):
    phone = Device(user)

    assert phone.client.delete(ME, {"password": DEFAULT_PASSWORD}).status_code == 204

    assert_problem(phone.me(), 401, "user_not_found")


def test_deactivation_in_the_admin_ends_the_sessions_so_reactivation_revives_none(user):
    phone = Device(user)
    admin = Client()
    admin.force_login(UserFactory(is_staff=True, is_superuser=True))
    change_url = reverse("admin:accounts_user_change", args=[user.pk])
    form = {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "language": user.language,
        "is_email_verified": "on",
        "date_joined_0": "2026-01-01",
        "date_joined_1": "00:00:00",
    }

    deactivated = admin.post(change_url, form)  # is_active left out: unticked
    assert deactivated.status_code == 302, deactivated.content
    assert_problem(phone.me(), 401, "user_inactive")

    assert admin.post(change_url, {**form, "is_active": "on"}).status_code == 302
    assert_ended(phone.me())
    assert Device(user).me().status_code == 200


def test_a_token_issued_in_the_same_second_as_the_revocation_is_told_apart_by_its_session(user):
    """No clock is compared: ``iat`` is whole seconds, the session is not."""
    with freeze_time("2026-12-06 12:00:00.100"):
        before = Device(user)
    with freeze_time("2026-12-06 12:00:00.500"):
        assert Device(user).client.post(END_OTHERS).json() == {"ended": 1}
    with freeze_time("2026-12-06 12:00:00.900"):
        after = Device(user)
        assert before.me().status_code == 401
        assert after.me().status_code == 200


def test_a_token_without_a_session_is_refused(user):
    """Every token this API issues names its session; one that names none could not be revoked."""
    assert_ended(Device(user).me(str(AccessToken.for_user(user))))


def test_users_me_still_reads_user_and_session_in_one_query(user, django_assert_num_queries):
    phone = Device(user)

    with django_assert_num_queries(1):
        assert phone.me().status_code == 200


@pytest.mark.parametrize("sid", ["not-a-uuid", "6a3e8f5e-8d1e-4b7e-9a57-2f0d3c9b1a01"])
def test_a_token_naming_an_unknown_session_is_refused(user, sid):
    token = AccessToken.for_user(user)
    token["sid"] = sid

    assert_ended(Device(user).me(str(token)))


def test_another_users_session_does_not_vouch_for_a_token(user):
    """A token signed with the key (as a leaked key would allow) naming someone else's session."""
    other = Device(UserFactory())
    forged = AccessToken.for_user(user)
    forged["sid"] = AccessToken(other.access)["sid"]

    assert_ended(other.me(str(forged)))
