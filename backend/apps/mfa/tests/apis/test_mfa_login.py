"""Login of an account with a second factor: the 202 ticket, then TOTP, recovery code or passkey."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from rest_framework_simplejwt.tokens import AccessToken

from apps.accounts.models import UserSession
from apps.accounts.tests.apis.auth import COOKIE, assert_problem
from apps.accounts.tests.factories import DEFAULT_PASSWORD, FIREFOX_ON_LINUX, UserFactory
from apps.mfa.models import MfaTicket
from apps.mfa.tests.helpers import (
    LOGIN,
    MFA_PASSKEY,
    MFA_PASSKEY_OPTIONS,
    MFA_RECOVERY,
    MFA_TOTP,
    add_passkey,
    code_at,
    enable_totp,
)

pytestmark = pytest.mark.django_db


def _ticket(client, user) -> dict:
    response = client.post(LOGIN, {"email": user.email, "password": DEFAULT_PASSWORD})
    assert response.status_code == 202, response.json()
    assert COOKIE not in response.cookies
    assert response["Cache-Control"].startswith("max-age=0")
    return response.json()


def test_password_login_of_a_totp_account_answers_a_ticket_and_no_session(api_client, user):
    enable_totp(user)

    body = _ticket(api_client, user)

    assert set(body) == {"ticket", "methods", "expiresAt"}
    assert body["methods"] == ["totp", "recoveryCode"]
    assert "access" not in body
    expires = datetime.datetime.fromisoformat(body["expiresAt"])
    assert 290 <= (expires - timezone.now()).total_seconds() <= 300
    # Stored as a digest only.
    assert not MfaTicket.objects.filter(digest=body["ticket"]).exists()


def test_login_without_a_second_factor_is_unchanged(api_client, user):
    response = api_client.post(LOGIN, {"email": user.email, "password": DEFAULT_PASSWORD})

    assert response.status_code == 200
    assert set(response.json()) == {"access", "user"}


def test_totp_code_completes_the_login_with_token_and_cookie(api_client, user):
    secret, _codes = enable_totp(user)
    ticket = _ticket(api_client, user)["ticket"]

    response = api_client.post(MFA_TOTP, {"ticket": ticket, "code": code_at(secret, 1)})

    assert response.status_code == 200, response.json()
    assert set(response.json()) == {"access", "user"}
    assert response.cookies[COOKIE]["httponly"] is True
    assert "no-store" in response["Cache-Control"]


def test_a_ticket_works_once(api_client, user):
    secret, _codes = enable_totp(user)
    ticket = _ticket(api_client, user)["ticket"]
    assert api_client.post(MFA_TOTP, {"ticket": ticket, "code": code_at(secret, 1)}).status_code == 200

    again = api_client.post(MFA_TOTP, {"ticket": ticket, "code": code_at(secret, -1)})

    assert_problem(again, 401, "invalid_ticket")


def test_an_expired_ticket_is_refused(api_client, user):
    secret, _codes = enable_totp(user)
    ticket = _ticket(api_client, user)["ticket"]
    MfaTicket.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))

    assert_problem(api_client.post(MFA_TOTP, {"ticket": ticket, "code": code_at(secret, 1)}), 401, "invalid_ticket")


def test_a_made_up_ticket_is_refused(api_client, user):
    secret, _codes = enable_totp(user)

    response = api_client.post(MFA_TOTP, {"ticket": "not-a-ticket", "code": code_at(secret, 1)})

    assert_problem(response, 401, "invalid_ticket")


def test_a_wrong_code_is_refused_and_the_ticket_survives_it(api_client, user):
    secret, _codes = enable_totp(user)
    ticket = _ticket(api_client, user)["ticket"]
    wrong = "000000" if code_at(secret, 1) != "000000" else "111111"

    assert_problem(api_client.post(MFA_TOTP, {"ticket": ticket, "code": wrong}), 401, "invalid_code")
    assert api_client.post(MFA_TOTP, {"ticket": ticket, "code": code_at(secret, 1)}).status_code == 200


def test_the_code_that_confirmed_the_app_cannot_be_replayed_at_login(api_client, user):
    secret, _codes = enable_totp(user)  # confirmed with the current step's code
    ticket = _ticket(api_client, user)["ticket"]

    assert_problem(api_client.post(MFA_TOTP, {"ticket": ticket, "code": code_at(secret)}), 401, "invalid_code")


def test_five_wrong_codes_kill_the_ticket(api_client, user, settings):
    secret, _codes = enable_totp(user)
    ticket = _ticket(api_client, user)["ticket"]
    for _ in range(settings.AUTH_MFA_TICKET_MAX_FAILURES):
        assert_problem(api_client.post(MFA_TOTP, {"ticket": ticket, "code": "abc"}), 401, "invalid_code")

    response = api_client.post(MFA_TOTP, {"ticket": ticket, "code": code_at(secret, 1)})

    assert_problem(response, 401, "invalid_ticket")


def test_wrong_codes_count_in_the_failed_login_guard_with_retry_after(api_client, user, settings):
    _secret, _codes = enable_totp(user)
    for _ in range(settings.ACCOUNTS_LOGIN_FAILURE_LIMIT):
        ticket = _ticket(api_client, user)["ticket"]
        api_client.post(MFA_TOTP, {"ticket": ticket, "code": "000000"})

    response = api_client.post(LOGIN, {"email": user.email, "password": DEFAULT_PASSWORD})

    assert_problem(response, 429, "throttled")
    assert int(response["Retry-After"]) > 0


def test_bad_input_is_a_validation_problem(api_client):
    assert_problem(api_client.post(MFA_TOTP, {"ticket": "x"}), 400, "validation_error")
    assert_problem(api_client.post(MFA_TOTP, {"ticket": "x", "code": "1" * 40}), 400, "validation_error")


def test_a_recovery_code_completes_the_login_once_and_emails_the_owner(
    api_client, user, django_capture_on_commit_callbacks
):
    _secret, codes = enable_totp(user)
    ticket = _ticket(api_client, user)["ticket"]

    with django_capture_on_commit_callbacks(execute=True):
        response = api_client.post(MFA_RECOVERY, {"ticket": ticket, "code": codes[0].upper()})

    assert response.status_code == 200, response.json()
    assert [m.subject for m in mail.outbox] == ["A recovery code was used to sign in"]
    second = _ticket(api_client, user)["ticket"]
    assert_problem(api_client.post(MFA_RECOVERY, {"ticket": second, "code": codes[0]}), 401, "invalid_code")


def test_a_passkey_answers_the_second_step(api_client, user):
    authenticator = add_passkey(user)
    body = _ticket(api_client, user)
    assert body["methods"] == ["passkey"]

    options = api_client.post(MFA_PASSKEY_OPTIONS, {"ticket": body["ticket"]}).json()
    allowed = [c["id"] for c in options["options"]["allowCredentials"]]
    credential = authenticator.get(options["options"])
    response = api_client.post(
        MFA_PASSKEY, {"ticket": body["ticket"], "challengeId": options["challengeId"], "credential": credential}
    )

    assert allowed == [credential["id"]]
    assert response.status_code == 200, response.json()
    assert COOKIE in response.cookies


def test_another_accounts_passkey_does_not_answer_the_second_step(api_client, user):
    add_passkey(user)
    stranger = add_passkey(UserFactory())
    ticket = _ticket(api_client, user)["ticket"]
    options = api_client.post(MFA_PASSKEY_OPTIONS, {"ticket": ticket}).json()

    response = api_client.post(
        MFA_PASSKEY,
        {"ticket": ticket, "challengeId": options["challengeId"], "credential": stranger.get(options["options"])},
    )

    assert_problem(response, 400, "invalid_credential")


def test_passkey_options_need_a_live_ticket(api_client):
    assert_problem(api_client.post(MFA_PASSKEY_OPTIONS, {"ticket": "nope"}), 401, "invalid_ticket")


def test_the_second_step_starts_the_session_not_the_password_step(api_client, user):
    secret, _codes = enable_totp(user)
    ticket = _ticket(api_client, user)["ticket"]
    assert not UserSession.objects.filter(user=user).exists()

    response = api_client.post(
        MFA_TOTP, {"ticket": ticket, "code": code_at(secret, 1)}, HTTP_USER_AGENT=FIREFOX_ON_LINUX
    )

    session = UserSession.objects.get(user=user)
    assert AccessToken(response.json()["access"])["sid"] == str(session.id)
    assert session.device == "Firefox on Linux"
