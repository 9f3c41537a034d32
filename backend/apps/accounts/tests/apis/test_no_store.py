"""Responses that carry tokens or the user's profile are never stored by a cache, and a cleared
refresh cookie keeps its flags (issue 15, finding 6)."""

import pytest

from apps.accounts.cookies import SESSION_HINT_COOKIE
from apps.accounts.tests.apis.auth import CHANGE, COOKIE, LOGOUT, ME, REFRESH, STRONG_PASSWORD, login
from apps.accounts.tests.factories import DEFAULT_PASSWORD

pytestmark = pytest.mark.django_db(transaction=False)


def _no_store(response) -> bool:
    return "no-store" in {part.strip() for part in response.get("Cache-Control", "").split(",")}


def test_login_refresh_and_password_change_answers_are_not_stored(api_client, user):
    logged_in = login(api_client, user)
    refreshed = api_client.post(REFRESH)
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {refreshed.json()['access']}")
    changed = api_client.post(CHANGE, {"currentPassword": DEFAULT_PASSWORD, "newPassword": STRONG_PASSWORD})

    assert [r.status_code for r in (logged_in, refreshed, changed)] == [200, 200, 204]
    assert all(_no_store(r) for r in (logged_in, refreshed, changed))


def test_refused_refresh_and_logout_are_not_stored(api_client):
    assert _no_store(api_client.post(REFRESH))
    assert _no_store(api_client.post(LOGOUT))


def test_the_profile_is_not_stored(auth_client):
    assert _no_store(auth_client.get(ME))
    assert _no_store(auth_client.patch(ME, {"firstName": "Ada"}))


@pytest.mark.parametrize("cookie_name", [COOKIE, SESSION_HINT_COOKIE])
def test_a_cleared_cookie_keeps_secure_samesite_and_path(api_client, user, cookie_name):
    set_cookie = login(api_client, user).cookies[cookie_name]

    cleared = api_client.post(LOGOUT).cookies[cookie_name]

    assert cleared["max-age"] == 0
    assert cleared.value == ""
    assert (cleared["secure"], cleared["samesite"], cleared["path"], cleared["httponly"]) == (
        True,
        set_cookie["samesite"],
        set_cookie["path"],
        set_cookie["httponly"],
    )


def test_a_refused_refresh_clears_the_cookie_with_its_flags(api_client):
    api_client.cookies[COOKIE] = "not-a-token"

    cleared = api_client.post(REFRESH).cookies[COOKIE]

    assert (cleared["max-age"], cleared["secure"], cleared["samesite"]) == (0, True, "Lax")
