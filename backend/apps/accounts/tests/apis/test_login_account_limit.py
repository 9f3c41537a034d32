"""The per-account failed-login limit: guesses spread over many addresses (issue 15, finding 4).

The per-address counter lets each new address try again; the account's own counter trips at a
higher threshold, pauses password login for the account with a delay that doubles with each
further failure, and emails the owner once.
"""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from freezegun import freeze_time

from apps.accounts.tests.apis.auth import LOGIN, RESET_CONFIRM, STRONG_PASSWORD, assert_problem, login
from apps.accounts.tests.factories import DEFAULT_PASSWORD
from apps.accounts.tokens import password_reset_token_make, password_reset_uid_make

pytestmark = pytest.mark.django_db(transaction=False)

LIMIT = 8  # lower than the default (20) to keep the test short; the rule is the same


@pytest.fixture(autouse=True)
def _account_limit(settings):
    settings.ACCOUNTS_LOGIN_FAILURE_LIMIT = 3
    settings.ACCOUNTS_LOGIN_ACCOUNT_FAILURE_LIMIT = LIMIT
    settings.ACCOUNTS_LOGIN_ACCOUNT_PAUSE_BASE = timedelta(minutes=1)
    settings.ACCOUNTS_LOGIN_ACCOUNT_PAUSE_MAX = timedelta(hours=1)


def _post(client, email, password, ip):
    return client.post(LOGIN, {"email": email, "password": password}, REMOTE_ADDR=ip)


def _guess_from_many_addresses(client, email, count):
    """``count`` wrong passwords, two per address: never enough for the per-address counter."""
    for n in range(count):
        response = _post(client, email, "wrong-password", f"203.0.113.{n // 2 + 1}")
        assert response.status_code == 401, response.content


def test_guesses_spread_over_addresses_pause_the_account_for_every_address(api_client, user):
    _guess_from_many_addresses(api_client, user.email, LIMIT)

    blocked = _post(api_client, user.email, DEFAULT_PASSWORD, "198.51.100.7")

    assert_problem(blocked, 429, "throttled")
    assert 0 < int(blocked["Retry-After"]) <= 60


def test_the_owner_is_emailed_once_when_the_account_limit_trips(api_client, user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _guess_from_many_addresses(api_client, user.email, LIMIT - 1)
        assert mail.outbox == []
        _post(api_client, user.email, "wrong-password", "198.51.100.1")

    assert [message.to for message in mail.outbox] == [[user.email]]
    assert "/forgot-password" in mail.outbox[0].body


def test_the_pause_doubles_with_each_failure_after_it(api_client, user, django_capture_on_commit_callbacks):
    start = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        with freeze_time(start):
            _guess_from_many_addresses(api_client, user.email, LIMIT)
        with freeze_time(start + timedelta(seconds=61)):
            assert _post(api_client, user.email, "wrong-password", "198.51.100.1").status_code == 401
            blocked = _post(api_client, user.email, DEFAULT_PASSWORD, "198.51.100.2")

    assert_problem(blocked, 429, "throttled")
    assert 60 < int(blocked["Retry-After"]) <= 120
    assert len(mail.outbox) == 1  # one email per trip, not per failure


def test_the_pause_ends_and_the_right_password_works_again(api_client, user):
    start = timezone.now()
    with freeze_time(start):
        _guess_from_many_addresses(api_client, user.email, LIMIT)
    with freeze_time(start + timedelta(seconds=61)):
        assert _post(api_client, user.email, DEFAULT_PASSWORD, "198.51.100.2").status_code == 200


def test_an_unknown_address_is_paused_alike_and_nobody_is_emailed(api_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _guess_from_many_addresses(api_client, "ghost@example.com", LIMIT)
        blocked = _post(api_client, "ghost@example.com", "any-password", "198.51.100.7")

    assert_problem(blocked, 429, "throttled")
    assert mail.outbox == []


def test_a_password_reset_ends_the_pause(api_client, user):
    _guess_from_many_addresses(api_client, user.email, LIMIT)
    user.refresh_from_db()
    payload = {"uid": password_reset_uid_make(user=user), "token": password_reset_token_make(user=user)}

    assert api_client.post(RESET_CONFIRM, {**payload, "newPassword": STRONG_PASSWORD}).status_code == 204

    login(api_client, user, password=STRONG_PASSWORD)
