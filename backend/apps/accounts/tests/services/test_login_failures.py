"""The failed-login counters on their own: the pause's growth and its cap."""

from datetime import timedelta

import pytest

from apps.accounts.services.login_failures import login_failure_record, login_failures_check, login_failures_reset
from apps.common.exceptions import RateLimited

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _limits(settings):
    settings.ACCOUNTS_LOGIN_FAILURE_LIMIT = 1000  # out of the way: only the account's counter here
    settings.ACCOUNTS_LOGIN_ACCOUNT_FAILURE_LIMIT = 2
    settings.ACCOUNTS_LOGIN_ACCOUNT_PAUSE_BASE = timedelta(minutes=1)
    settings.ACCOUNTS_LOGIN_ACCOUNT_PAUSE_MAX = timedelta(minutes=4)


def _wait(email: str) -> int:
    with pytest.raises(RateLimited) as refused:
        login_failures_check(ip="198.51.100.1", email=email)
    return refused.value.retry_after


@pytest.mark.parametrize(("failures", "pause"), [(2, 60), (3, 120), (4, 240), (5, 240), (500, 240)])
def test_the_pause_doubles_from_the_limit_up_to_its_maximum(failures, pause):
    for n in range(failures):
        login_failure_record(ip=f"203.0.113.{n % 250}", email="ada@example.com")

    assert pause - 1 <= _wait("ada@example.com") <= pause


def test_below_the_limit_nothing_is_paused_and_other_accounts_never_are():
    login_failure_record(ip="203.0.113.1", email="ada@example.com")
    for _ in range(3):
        login_failure_record(ip="203.0.113.1", email="grace@example.com")

    login_failures_check(ip="203.0.113.2", email="ada@example.com")
    login_failures_check(ip="203.0.113.2", email="alan@example.com")


def test_a_reset_forgets_the_failures_and_ends_the_pause():
    for _ in range(3):
        login_failure_record(ip="203.0.113.1", email="ada@example.com")

    login_failures_reset(email="ada@example.com")

    login_failures_check(ip="203.0.113.2", email="ada@example.com")
    login_failure_record(ip="203.0.113.1", email="ada@example.com")
    login_failures_check(ip="203.0.113.2", email="ada@example.com")  # one failure again, below the limit
