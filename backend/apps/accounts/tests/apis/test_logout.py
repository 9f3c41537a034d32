"""Logging out ends the refresh token and clears both cookies, with or without a session."""

import pytest

from apps.accounts.cookies import SESSION_HINT_COOKIE
from apps.accounts.tests.apis.auth import COOKIE, LOGOUT, REFRESH, login

pytestmark = pytest.mark.django_db(transaction=False)


def test_logout_ends_the_refresh_token_and_clears_the_cookie(api_client, user):
    token = login(api_client, user).cookies[COOKIE].value

    response = api_client.post(LOGOUT)
    api_client.cookies[COOKIE] = token
    replay = api_client.post(REFRESH)

    assert response.status_code == 204
    assert response.cookies[COOKIE]["max-age"] == 0
    assert response.cookies[SESSION_HINT_COOKIE]["max-age"] == 0
    assert replay.status_code == 401


def test_logout_without_a_session_still_answers_204(api_client):
    assert api_client.post(LOGOUT).status_code == 204
