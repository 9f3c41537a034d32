"""Logging in with a password: the access token, the refresh and hint cookies, refusals and the failure throttle."""

import pytest
from django.conf import settings

from apps.accounts.cookies import SESSION_HINT_COOKIE
from apps.accounts.tests.apis.auth import COOKIE, LOGIN, assert_problem, login
from apps.accounts.tests.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db(transaction=False)


def test_login_returns_access_token_and_sets_httponly_refresh_cookie(api_client, user):
    response = login(api_client, user)

    body = response.json()
    assert set(body) == {"access", "user"}
    assert body["user"]["email"] == user.email
    assert body["user"]["isEmailVerified"] is True
    cookie = response.cookies[COOKIE]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert cookie["path"] == "/api/v1/auth/"
    assert "refresh" not in body


def test_login_cookie_is_secure_outside_local_development(api_client, user):
    assert login(api_client, user).cookies[COOKIE]["secure"] is True


def test_a_script_readable_hint_says_a_session_exists_and_nothing_more(api_client, user):
    response = login(api_client, user)

    hint, refresh = response.cookies[SESSION_HINT_COOKIE], response.cookies[COOKIE]
    assert hint.value == "1"
    assert hint["httponly"] == ""  # scripts may read it
    assert hint["path"] == "/"
    assert (hint["max-age"], hint["secure"], hint["samesite"]) == (refresh["max-age"], True, "Lax")


def test_login_with_wrong_password_or_unknown_email_gives_the_same_401(api_client, user):
    wrong = api_client.post(LOGIN, {"email": user.email, "password": "wrong-password"})
    unknown = api_client.post(LOGIN, {"email": "ghost@example.com", "password": "wrong-password"})

    assert assert_problem(wrong, 401, "invalid_credentials")["detail"] == unknown.json()["detail"]
    assert_problem(unknown, 401, "invalid_credentials")


def test_login_of_unverified_user_is_refused_with_distinct_code(api_client):
    user = UserFactory(is_email_verified=False)

    assert_problem(
        api_client.post(LOGIN, {"email": user.email, "password": DEFAULT_PASSWORD}), 403, "email_not_verified"
    )


def test_login_of_unverified_user_is_allowed_when_verification_is_optional(api_client, settings):
    settings.ACCOUNTS_REQUIRE_EMAIL_VERIFICATION = False
    user = UserFactory(is_email_verified=False)

    assert login(api_client, user).status_code == 200


def test_login_of_inactive_user_is_refused_like_wrong_credentials(api_client):
    user = UserFactory(is_active=False)

    assert_problem(
        api_client.post(LOGIN, {"email": user.email, "password": DEFAULT_PASSWORD}), 401, "invalid_credentials"
    )


def test_login_is_throttled_after_five_failures_for_that_ip_and_email(api_client, user):
    for _ in range(settings.ACCOUNTS_LOGIN_FAILURE_LIMIT):
        api_client.post(LOGIN, {"email": user.email, "password": "wrong-password"})

    blocked = api_client.post(LOGIN, {"email": user.email, "password": DEFAULT_PASSWORD})
    other_account = api_client.post(LOGIN, {"email": "other@example.com", "password": "wrong-password"})

    assert_problem(blocked, 429, "throttled")
    assert 0 < int(blocked["Retry-After"]) <= 15 * 60
    assert other_account.status_code == 401


def test_login_ignores_an_expired_bearer_header(api_client, user):
    api_client.credentials(HTTP_AUTHORIZATION="Bearer expired.token.value")

    assert login(api_client, user).status_code == 200
