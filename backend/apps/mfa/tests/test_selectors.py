"""What other code asks about a user's second factors."""

import pytest

from apps.accounts.tests.factories import UserFactory
from apps.mfa.selectors import user_has_second_factor, user_mfa_methods, user_mfa_status
from apps.mfa.services.recovery_codes import recovery_code_use
from apps.mfa.services.totp import totp_setup
from apps.mfa.tests.helpers import add_passkey, enable_totp

pytestmark = pytest.mark.django_db


def test_no_factor(user):
    assert user_has_second_factor(user=user) is False
    assert user_mfa_methods(user=user) == []


def test_a_pending_app_is_no_factor(user):
    totp_setup(user=user)

    assert user_has_second_factor(user=user) is False


def test_totp_with_recovery_codes(user):
    _secret, codes = enable_totp(user)
    recovery_code_use(user=user, code=codes[0])

    assert user_has_second_factor(user=user) is True
    assert user_mfa_methods(user=user) == ["totp", "recoveryCode"]
    status = user_mfa_status(user=user)
    assert (status.totp_enabled, status.recovery_codes_remaining, status.passkey_count) == (True, 9, 0)


def test_a_passkey_alone_is_a_factor():
    user = UserFactory(password="!unusable")
    add_passkey(user)

    assert user_has_second_factor(user=user) is True
    assert user_mfa_methods(user=user) == ["passkey"]
    assert user_mfa_status(user=user).has_password is False
