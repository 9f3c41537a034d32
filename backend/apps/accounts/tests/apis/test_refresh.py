"""Refreshing the access token with the refresh cookie: rotation, replay, forged or expired tokens, origins."""

from datetime import timedelta

import jwt
import pytest
from django.conf import settings
from freezegun import freeze_time
from rest_framework_simplejwt.tokens import RefreshToken

from apps.accounts.cookies import SESSION_HINT_COOKIE
from apps.accounts.models import User
from apps.accounts.tests.apis.auth import COOKIE, ME, REFRESH, assert_problem, login

pytestmark = pytest.mark.django_db(transaction=False)


def test_refresh_rotates_the_cookie_and_returns_a_new_access_token(api_client, user):
    first_refresh = login(api_client, user).cookies[COOKIE].value

    response = api_client.post(REFRESH)

    assert response.status_code == 200
    assert set(response.json()) == {"access"}
    assert response.cookies[COOKIE].value != first_refresh
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {response.json()['access']}")
    assert api_client.get(ME).json()["email"] == user.email


def test_replayed_refresh_token_is_refused_and_ends_every_session(api_client, user):
    stolen = login(api_client, user).cookies[COOKIE].value
    api_client.post(REFRESH)  # the legitimate client rotates
    current = api_client.cookies[COOKIE].value

    # Past the grace in which a just-rotated token is still honoured (test_refresh_grace.py).
    with freeze_time(timedelta(seconds=settings.AUTH_REFRESH_REUSE_GRACE_SECONDS + 1)):
        api_client.cookies[COOKIE] = stolen
        replay = api_client.post(REFRESH)
        assert_problem(replay, 401, "token_not_valid")
        assert replay.cookies[COOKIE].value == ""  # cleared

        api_client.cookies[COOKIE] = current
        assert_problem(api_client.post(REFRESH), 401, "token_not_valid")


def test_refresh_without_cookie_is_401_and_clears_it(api_client):
    response = api_client.post(REFRESH)

    assert_problem(response, 401, "token_not_valid")
    assert response.cookies[COOKIE]["max-age"] == 0
    assert response.cookies[SESSION_HINT_COOKIE]["max-age"] == 0


@pytest.mark.parametrize(
    "forge",
    [
        pytest.param(lambda token: token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb"), id="tampered"),
        pytest.param(
            lambda token: jwt.encode(
                jwt.decode(token, options={"verify_signature": False}), key=None, algorithm="none"
            ),
            id="alg-none",
        ),
        pytest.param(
            lambda token: jwt.encode(
                jwt.decode(token, options={"verify_signature": False}),
                key="a-guessed-secret-that-is-long-enough-for-hs256",
                algorithm="HS256",
            ),
            id="wrong-key",
        ),
        pytest.param(lambda token: str(RefreshToken(token).access_token), id="access-token-as-refresh"),
    ],
)
def test_refresh_refuses_forged_tokens(api_client, user, forge):
    genuine = login(api_client, user).cookies[COOKIE].value
    api_client.cookies[COOKIE] = forge(genuine)

    assert_problem(api_client.post(REFRESH), 401, "token_not_valid")


def test_refresh_refuses_expired_token(api_client, user):
    login(api_client, user)

    with freeze_time(timedelta(days=8)):
        assert_problem(api_client.post(REFRESH), 401, "token_not_valid")


def test_refresh_from_a_foreign_origin_is_refused(api_client, user):
    login(api_client, user)

    response = api_client.post(REFRESH, HTTP_ORIGIN="https://evil.example")

    assert_problem(response, 403, "origin_not_allowed")


def test_refresh_from_the_frontend_origin_is_allowed(api_client, user):
    login(api_client, user)

    assert api_client.post(REFRESH, HTTP_ORIGIN=settings.FRONTEND_URL).status_code == 200


def test_refresh_for_deactivated_user_is_refused(api_client, user):
    login(api_client, user)
    User.objects.filter(pk=user.pk).update(is_active=False)

    assert_problem(api_client.post(REFRESH), 401, "token_not_valid")
