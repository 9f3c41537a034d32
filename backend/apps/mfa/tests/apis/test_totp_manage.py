"""Turning TOTP on and off, recovery codes, and the status of the account's second factors."""

import pytest
from django.core import mail

from apps.accounts.tests.apis.auth import assert_problem
from apps.accounts.tests.factories import UserFactory
from apps.mfa.models import RecoveryCode, TotpDevice
from apps.mfa.tests.helpers import (
    RECOVERY_CODES,
    STATUS,
    TOTP,
    TOTP_CONFIRM,
    TOTP_SETUP,
    add_passkey,
    code_at,
    enable_totp,
    reauthenticated_client,
    signed_in_client,
)

pytestmark = pytest.mark.django_db


def test_status_of_an_account_without_second_factors(user):
    client, _access = signed_in_client(user)

    response = client.get(STATUS)

    assert response.json() == {
        "totpEnabled": False,
        "recoveryCodesRemaining": 0,
        "passkeyCount": 0,
        "hasPassword": True,
    }
    assert "no-store" in response["Cache-Control"]


def test_setup_gives_secret_uri_and_svg_and_keeps_the_secret_pending(user, settings):
    client = reauthenticated_client(user)

    body = client.post(TOTP_SETUP).json()

    assert set(body) == {"secret", "otpauthUri", "qrCodeSvg"}
    assert body["otpauthUri"].startswith("otpauth://totp/")
    assert f"secret={body['secret']}" in body["otpauthUri"]
    assert body["qrCodeSvg"].startswith("<svg")
    device = TotpDevice.objects.get(user=user)
    assert device.confirmed_at is None
    assert body["secret"] not in device.secret_encrypted  # encrypted at rest
    assert client.get(STATUS).json()["totpEnabled"] is False


def test_a_new_setup_replaces_the_pending_one(user):
    client = reauthenticated_client(user)
    first = client.post(TOTP_SETUP).json()["secret"]
    second = client.post(TOTP_SETUP).json()["secret"]

    assert_problem(client.post(TOTP_CONFIRM, {"code": code_at(first)}), 400, "invalid_code")
    assert client.post(TOTP_CONFIRM, {"code": code_at(second)}).status_code == 200


def test_confirm_turns_totp_on_returns_ten_codes_and_emails(user, django_capture_on_commit_callbacks):
    client = reauthenticated_client(user)
    secret = client.post(TOTP_SETUP).json()["secret"]

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(TOTP_CONFIRM, {"code": code_at(secret)})

    codes = response.json()["recoveryCodes"]
    assert len(codes) == 10
    assert len(set(codes)) == 10
    assert not RecoveryCode.objects.filter(code_digest__in=codes).exists()  # digests only
    assert client.get(STATUS).json()["totpEnabled"] is True
    assert [m.subject for m in mail.outbox] == ["Two-factor authentication is on"]


def test_confirm_without_setup_is_a_conflict(user):
    assert_problem(reauthenticated_client(user).post(TOTP_CONFIRM, {"code": "123456"}), 409, "totp_setup_missing")


def test_setup_while_on_is_a_conflict(user):
    enable_totp(user)

    assert_problem(reauthenticated_client(user).post(TOTP_SETUP), 409, "totp_already_enabled")


def test_confirm_keeps_existing_recovery_codes_and_answers_null(user):
    add_passkey(user)
    client = reauthenticated_client(user)
    client.post(RECOVERY_CODES)
    secret = client.post(TOTP_SETUP).json()["secret"]

    assert client.post(TOTP_CONFIRM, {"code": code_at(secret)}).json() == {"recoveryCodes": None}


def test_disable_turns_totp_off_drops_recovery_codes_and_emails(user, django_capture_on_commit_callbacks):
    enable_totp(user)
    client = reauthenticated_client(user)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.delete(TOTP)

    assert response.status_code == 204
    assert client.get(STATUS).json() == {
        "totpEnabled": False,
        "recoveryCodesRemaining": 0,
        "passkeyCount": 0,
        "hasPassword": True,
    }
    assert [m.subject for m in mail.outbox] == ["Two-factor authentication is off"]


def test_disable_keeps_recovery_codes_while_a_passkey_is_left(user):
    enable_totp(user)
    add_passkey(user)

    reauthenticated_client(user).delete(TOTP)

    assert RecoveryCode.objects.filter(user=user).count() == 10


def test_regenerating_recovery_codes_voids_the_old_ones(user):
    _secret, old = enable_totp(user)

    new = reauthenticated_client(user).post(RECOVERY_CODES).json()["recoveryCodes"]

    assert len(new) == 10
    assert not set(new) & set(old)
    assert RecoveryCode.objects.filter(user=user).count() == 10


def test_recovery_codes_need_a_second_factor(user):
    assert_problem(reauthenticated_client(user).post(RECOVERY_CODES), 409, "no_second_factor")


@pytest.mark.parametrize(
    ("method", "path"), [("post", TOTP_SETUP), ("post", TOTP_CONFIRM), ("delete", TOTP), ("post", RECOVERY_CODES)]
)
def test_changes_need_reauthentication(method, path):
    client, _access = signed_in_client(UserFactory())

    assert_problem(getattr(client, method)(path, {"code": "123456"}), 403, "reauthentication_required")
