"""The Django admin login with ADMIN_REQUIRE_2FA: staff give a TOTP or recovery code, or are sent to set one up."""

import pytest
from django.test import Client
from django.urls import reverse

from apps.accounts.tests.factories import DEFAULT_PASSWORD, UserFactory
from apps.mfa.tests.helpers import add_passkey, code_at, enable_totp

pytestmark = pytest.mark.django_db

ADMIN_LOGIN = reverse("admin:login")


@pytest.fixture(autouse=True)
def _required(settings):
    settings.ADMIN_REQUIRE_2FA = True


@pytest.fixture
def staff():
    return UserFactory(is_staff=True)


def _admin_login(client: Client, email: str, password: str = DEFAULT_PASSWORD, code: str = ""):
    return client.post(
        ADMIN_LOGIN, {"username": email, "password": password, "otp_code": code, "next": reverse("admin:index")}
    )


def test_the_login_page_has_a_field_for_the_code():
    page = Client().get(ADMIN_LOGIN).content.decode()

    assert 'name="otp_code"' in page
    assert 'autocomplete="one-time-code"' in page


def test_staff_with_totp_sign_in_with_password_and_code(staff):
    secret, _codes = enable_totp(staff)
    client = Client()

    response = _admin_login(client, staff.email, code=code_at(secret, 1))

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(staff.pk)


def test_staff_with_totp_are_refused_without_a_code(staff):
    enable_totp(staff)
    client = Client()

    response = _admin_login(client, staff.email)

    assert "Enter the code from your authenticator app" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_replayed_code_is_refused(staff):
    secret, _codes = enable_totp(staff)
    assert _admin_login(Client(), staff.email, code=code_at(secret, 1)).status_code == 302
    client = Client()

    response = _admin_login(client, staff.email, code=code_at(secret, 1))

    assert "This code is not valid" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_recovery_code_signs_in_once(staff):
    _secret, codes = enable_totp(staff)
    assert _admin_login(Client(), staff.email, code=codes[0]).status_code == 302

    assert "This code is not valid" in _admin_login(Client(), staff.email, code=codes[0]).content.decode()


def test_staff_without_a_second_factor_are_told_to_set_one_up(staff):
    client = Client()

    response = _admin_login(client, staff.email, code="123456")

    assert "Set up an authenticator app on your account page" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_staff_with_only_a_passkey_are_told_to_set_up_an_app(staff):
    add_passkey(staff)

    assert "Set up an authenticator app" in _admin_login(Client(), staff.email).content.decode()


def test_wrong_codes_count_in_the_failed_login_guard(staff, settings):
    secret, _codes = enable_totp(staff)
    for _ in range(settings.ACCOUNTS_LOGIN_FAILURE_LIMIT):
        _admin_login(Client(), staff.email, code="000000" if code_at(secret, 1) != "000000" else "111111")
    client = Client()

    response = _admin_login(client, staff.email, code=code_at(secret, 1))

    assert "Too many failed logins" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_off_the_code_is_not_asked(staff, settings):
    settings.ADMIN_REQUIRE_2FA = False

    assert _admin_login(Client(), staff.email).status_code == 302
