"""Failed-login counters, shared by the API login and the admin login (docs/auth.md#rate-limits).

Counted by the login service, not by a throttle: only it knows that an attempt failed. Two
counters, both in the cache so they hold across processes:

- per client address and account: ``ACCOUNTS_LOGIN_FAILURE_LIMIT`` in a fixed window, then
  that address may not try that account again until the window ends;
- per account, whatever the address: guesses spread over many addresses trip it at the higher
  ``ACCOUNTS_LOGIN_ACCOUNT_FAILURE_LIMIT``. Then password login of the account pauses, longer
  after each further failure, and the owner is emailed once.

Unknown addresses are counted and paused alike, so the answers never tell whether an account
exists. A pause refuses even the right password (else it would not slow guessing down); a
password reset ends it (``login_failures_reset``).
"""

import hashlib
import math
import time

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext, gettext_noop

from apps.accounts import tasks
from apps.common.exceptions import RateLimited
from apps.jobs.services import enqueue_on_commit

TOO_MANY = gettext_noop("Too many failed logins. Try again later.")
# 2**16 minutes is beyond any sensible maximum pause; the cap keeps the arithmetic small.
_MAX_DOUBLINGS = 16


def _digest(value: str) -> str:
    # Keys carry no address in the clear: the cache is not the place for personal data.
    return hashlib.sha256(value.encode()).hexdigest()[:32]


def _address_key(*, ip: str, email: str) -> tuple[str, int]:
    window = int(settings.ACCOUNTS_LOGIN_FAILURE_WINDOW.total_seconds())
    bucket = int(time.time() // window)
    retry_after = (bucket + 1) * window - int(time.time())
    return f"login-failures:{bucket}:{_digest(f'{ip}|{email}')}", retry_after


def _account_keys(*, email: str) -> tuple[str, str]:
    digest = _digest(email)
    return f"login-failures:account:{digest}", f"login-pause:account:{digest}"


def _count(key: str, *, timeout: int) -> int:
    cache.add(key, 0, timeout=timeout)
    try:
        return cache.incr(key)
    except ValueError:  # the key expired between add and incr
        cache.set(key, 1, timeout=timeout)
        return 1


def login_failures_check(*, ip: str, email: str) -> None:
    """Raises ``RateLimited`` while this address, or anyone, may not try this account's password."""
    key, retry_after = _address_key(ip=ip, email=email)
    if (cache.get(key) or 0) >= settings.ACCOUNTS_LOGIN_FAILURE_LIMIT:
        raise RateLimited(detail=gettext(TOO_MANY), retry_after=retry_after)
    # The pause is stored as its end, not only as the key's lifetime, so it is read off the clock.
    paused_until = cache.get(_account_keys(email=email)[1])
    if paused_until is not None and (wait := math.ceil(paused_until - time.time())) > 0:
        raise RateLimited(detail=gettext(TOO_MANY), retry_after=wait)


def login_failure_record(*, ip: str, email: str) -> None:
    """Counts a wrong password for the address and the account; pauses the account past its limit."""
    key, retry_after = _address_key(ip=ip, email=email)
    _count(key, timeout=retry_after + 1)

    count_key, pause_key = _account_keys(email=email)
    failures = _count(count_key, timeout=int(settings.ACCOUNTS_LOGIN_ACCOUNT_FAILURE_WINDOW.total_seconds()))
    beyond = failures - settings.ACCOUNTS_LOGIN_ACCOUNT_FAILURE_LIMIT
    if beyond < 0:
        return
    base = settings.ACCOUNTS_LOGIN_ACCOUNT_PAUSE_BASE.total_seconds()
    pause = min(base * 2 ** min(beyond, _MAX_DOUBLINGS), settings.ACCOUNTS_LOGIN_ACCOUNT_PAUSE_MAX.total_seconds())
    cache.set(pause_key, time.time() + pause, timeout=math.ceil(pause))
    if beyond == 0:
        # The worker looks the address up: the same work whether the account exists or not.
        enqueue_on_commit(tasks.send_login_paused_email, email)


def login_failures_reset(*, email: str) -> None:
    """Forgets the account's failures and ends its pause: the owner proved control of the mailbox."""
    cache.delete_many(list(_account_keys(email=email)))
