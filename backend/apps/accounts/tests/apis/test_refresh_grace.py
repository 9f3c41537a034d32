"""The grace after a rotation: a just-rotated refresh token presented again gets a new pair.

A reload that aborts a refresh in flight (the server rotated, the browser never stored the
new cookie), a double reload, or two tabs refreshing at once re-present the token that was
just rotated. Within AUTH_REFRESH_REUSE_GRACE_SECONDS that is no alarm; after it, it is.
A token whose row was deleted (logout, revocation) is refused either way and ends nothing.
"""

import pytest
from freezegun import freeze_time
from rest_framework.test import APIClient
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken

from apps.accounts.tests.apis.auth import (
    CHANGE,
    COOKIE,
    LOGOUT,
    ME,
    REFRESH,
    STRONG_PASSWORD,
    assert_problem,
    login,
)
from apps.accounts.tests.factories import DEFAULT_PASSWORD

pytestmark = pytest.mark.django_db(transaction=False)

GRACE = 10


@pytest.fixture(autouse=True)
def grace(settings):
    settings.AUTH_REFRESH_REUSE_GRACE_SECONDS = GRACE


def present(token: str):
    client = APIClient()
    client.cookies[COOKIE] = token
    return client.post(REFRESH)


def assert_new_session(response, *, not_one_of: set[str]) -> str:
    assert response.status_code == 200, response.content
    token = response.cookies[COOKIE].value
    assert token
    assert token not in not_one_of
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {response.json()['access']}")
    assert client.get(ME).status_code == 200
    return token


def test_a_rotated_token_presented_again_within_the_grace_gets_a_new_pair_and_ends_nothing(user):
    laptop, phone = APIClient(), APIClient()
    with freeze_time() as clock:
        rotated = login(laptop, user).cookies[COOKIE].value
        login(phone, user)
        lost = laptop.post(REFRESH).cookies[COOKIE].value  # the answer the reload never stored
        clock.tick(GRACE - 1)

        first = assert_new_session(present(rotated), not_one_of={rotated, lost})
        second = assert_new_session(present(rotated), not_one_of={rotated, lost, first})  # a double reload

        # No alarm: every session of the user still works, and the token was not blacklisted twice.
        assert BlacklistedToken.objects.filter(token__user=user).count() == 1
        assert phone.post(REFRESH).status_code == 200
        for token in (lost, first, second):
            assert present(token).status_code == 200


def test_after_the_grace_the_same_rotated_token_raises_the_alarm(user):
    laptop, phone = APIClient(), APIClient()
    with freeze_time() as clock:
        rotated = login(laptop, user).cookies[COOKIE].value
        login(phone, user)
        assert laptop.post(REFRESH).status_code == 200
        clock.tick(GRACE - 1)
        within = assert_new_session(present(rotated), not_one_of={rotated})
        clock.tick(2)  # the grace counts from the rotation; honouring the token did not restart it

        assert_problem(present(rotated), 401, "token_not_valid")

        assert_problem(laptop.post(REFRESH), 401, "token_not_valid")
        assert_problem(phone.post(REFRESH), 401, "token_not_valid")
        assert_problem(present(within), 401, "token_not_valid")


def test_a_grace_of_zero_raises_the_alarm_at_once(user, settings):
    def replay_right_after_rotation():
        device, other = APIClient(), APIClient()
        rotated = login(device, user).cookies[COOKIE].value
        login(other, user)
        assert device.post(REFRESH).status_code == 200
        return present(rotated), other

    settings.AUTH_REFRESH_REUSE_GRACE_SECONDS = 0
    replayed, other = replay_right_after_rotation()
    assert_problem(replayed, 401, "token_not_valid")
    assert_problem(other.post(REFRESH), 401, "token_not_valid")

    # The same replay with the grace on is honoured: the setting is what decides.
    settings.AUTH_REFRESH_REUSE_GRACE_SECONDS = GRACE
    replayed, other = replay_right_after_rotation()
    assert replayed.status_code == 200
    assert other.post(REFRESH).status_code == 200


def test_a_logged_out_token_within_the_grace_is_refused_and_ends_nothing_else(user):
    # Two tabs without Web Locks refresh with one cookie; the second is honoured by the grace,
    # its cookie wins, and the user logs out with it.
    browser, phone = APIClient(), APIClient()
    rotated = login(browser, user).cookies[COOKIE].value
    login(phone, user)
    assert browser.post(REFRESH).status_code == 200
    second_tab = assert_new_session(present(rotated), not_one_of={rotated})
    browser.cookies[COOKIE] = second_tab
    assert browser.post(LOGOUT).status_code == 204

    assert_problem(present(second_tab), 401, "token_not_valid")

    assert phone.post(REFRESH).status_code == 200


def test_a_rotated_token_after_a_password_change_is_refused_within_the_grace(user):
    laptop, phone = APIClient(), APIClient()
    access = login(phone, user).json()["access"]
    rotated = login(laptop, user).cookies[COOKIE].value
    assert laptop.post(REFRESH).status_code == 200
    assert present(rotated).status_code == 200  # honoured within the grace ...
    phone.credentials(HTTP_AUTHORIZATION=f"Bearer {access}")
    changed = phone.post(CHANGE, {"currentPassword": DEFAULT_PASSWORD, "newPassword": STRONG_PASSWORD})
    assert changed.status_code == 204

    # ... but the revocation deleted its row: refused, and no alarm for the session started since.
    assert_problem(present(rotated), 401, "token_not_valid")

    assert phone.post(REFRESH).status_code == 200


def test_after_a_logout_the_token_it_replaced_no_longer_starts_a_session_within_the_grace(user):
    browser, phone = APIClient(), APIClient()
    rotated = login(browser, user).cookies[COOKIE].value
    login(phone, user)
    assert browser.post(REFRESH).status_code == 200
    assert browser.post(LOGOUT).status_code == 204

    assert_problem(present(rotated), 401, "token_not_valid")

    assert phone.post(REFRESH).status_code == 200
