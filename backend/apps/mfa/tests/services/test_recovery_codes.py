"""Recovery codes: format, digests, one use each, even when two requests race."""

import threading

import pytest
from django.db import connection

from apps.accounts.tests.factories import UserFactory
from apps.mfa.models import RecoveryCode
from apps.mfa.services.recovery_codes import recovery_code_use, recovery_codes_generate
from apps.mfa.tests.helpers import enable_totp


@pytest.mark.django_db
def test_ten_distinct_codes_of_80_bits_stored_as_digests(user):
    enable_totp(user)

    codes = recovery_codes_generate(user=user)

    assert len(set(codes)) == 10
    assert all(len(code) == 19 and code.count("-") == 3 for code in codes)
    digests = set(RecoveryCode.objects.filter(user=user).values_list("code_digest", flat=True))
    assert len(digests) == 10
    assert not digests & set(codes)


@pytest.mark.django_db
def test_a_code_is_spent_once_in_any_spelling(user):
    _secret, codes = enable_totp(user)

    assert recovery_code_use(user=user, code=f" {codes[0].upper().replace('-', ' ')} ") is True
    assert recovery_code_use(user=user, code=codes[0]) is False
    assert RecoveryCode.objects.filter(user=user, used_at__isnull=True).count() == 9


@pytest.mark.django_db
def test_another_users_code_does_not_work(user):
    _secret, codes = enable_totp(user)
    other = UserFactory()
    enable_totp(other)

    assert recovery_code_use(user=other, code=codes[0]) is False


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_uses_of_one_code_spend_it_once():
    user = UserFactory()
    _secret, codes = enable_totp(user)
    results: list[bool] = []
    barrier = threading.Barrier(2)

    def use() -> None:
        barrier.wait()
        try:
            results.append(recovery_code_use(user=user, code=codes[0]))
        finally:
            connection.close()

    threads = [threading.Thread(target=use) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(results) == [False, True]
