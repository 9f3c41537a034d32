"""TOTP: the window of accepted codes, replay protection, and the secret at rest."""

import time

import pyotp
import pytest
from freezegun import freeze_time

from apps.common.exceptions import ApplicationError
from apps.mfa.models import TotpDevice
from apps.mfa.services.totp import totp_confirm, totp_setup, totp_verify
from apps.mfa.tests.helpers import code_at, enable_totp

pytestmark = pytest.mark.django_db


def test_a_code_is_accepted_once(user):
    secret, _codes = enable_totp(user)
    code = code_at(secret, 1)

    assert totp_verify(user=user, code=code) is True
    assert totp_verify(user=user, code=code) is False


def test_after_a_code_older_steps_are_refused_too(user):
    secret, _codes = enable_totp(user)
    assert totp_verify(user=user, code=code_at(secret, 1)) is True

    assert totp_verify(user=user, code=code_at(secret, -1)) is False


def test_one_step_of_drift_either_way_and_no_more(user):
    secret = totp_setup(user=user).secret
    now = time.time()
    totp = pyotp.TOTP(secret)

    assert totp_confirm(user=user, code=totp.at(now - 30)) is not None
    assert totp_verify(user=user, code=totp.at(now + 90)) is False
    assert totp_verify(user=user, code=totp.at(now + 30)) is True


@pytest.mark.parametrize("code", ["", "12345", "1234567", "abcdef", "١٢٣٤٥٦"])
def test_malformed_codes_are_refused(user, code):
    enable_totp(user)

    assert totp_verify(user=user, code=code) is False


def test_a_code_with_spaces_is_accepted(user):
    secret, _codes = enable_totp(user)
    code = code_at(secret, 1)

    assert totp_verify(user=user, code=f"{code[:3]} {code[3:]}") is True


def test_a_pending_app_does_not_verify_logins(user):
    secret = totp_setup(user=user).secret

    assert totp_verify(user=user, code=code_at(secret)) is False


def test_the_secret_is_encrypted_and_another_key_makes_codes_fail_not_crash(user, settings, caplog):
    secret = totp_setup(user=user).secret
    device = TotpDevice.objects.get(user=user)
    assert secret not in device.secret_encrypted
    settings.MFA_ENCRYPTION_KEY = "another key"

    with pytest.raises(ApplicationError) as error:
        totp_confirm(user=user, code=code_at(secret))

    assert error.value.code == "invalid_code"
    assert "cannot be decrypted" in caplog.text


def test_confirm_refuses_a_wrong_code(user):
    totp_setup(user=user)

    with pytest.raises(ApplicationError) as error:
        totp_confirm(user=user, code="abcdef")

    assert error.value.code == "invalid_code"


def test_the_qr_code_encodes_the_otpauth_uri(user, settings):
    setup = totp_setup(user=user)

    assert setup.otpauth_uri == pyotp.TOTP(setup.secret).provisioning_uri(
        name=user.email, issuer_name=settings.WEBAUTHN_RP_NAME
    )
    assert setup.qr_code_svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    assert "viewBox=" in setup.qr_code_svg
    assert "</svg>" in setup.qr_code_svg


@freeze_time("2026-01-01 12:00:10")
def test_codes_follow_the_server_clock(user):
    secret, _codes = enable_totp(user)

    assert totp_verify(user=user, code=pyotp.TOTP(secret).at(time.time() + 30)) is True
