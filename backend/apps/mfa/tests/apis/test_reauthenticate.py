"""Re-authentication: a password or a passkey stamps a fresh access token with reauth_at."""

import time

import pytest
from rest_framework_simplejwt.tokens import AccessToken

from apps.accounts.tests.apis.auth import assert_problem
from apps.accounts.tests.factories import UserFactory
from apps.mfa.tests.helpers import (
    REAUTH,
    REAUTH_OPTIONS,
    TOTP_SETUP,
    add_passkey,
    reauthenticated_client,
    signed_in_client,
)

pytestmark = pytest.mark.django_db


def test_password_reauthentication_copies_every_claim_and_adds_reauth_at(user):
    client, access = signed_in_client(user)
    current = AccessToken(access)
    current["team"] = "blue"  # a claim of a feature to come must survive
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {current}")

    response = client.post(REAUTH, {"password": "correct-horse-battery-staple"})

    assert response.status_code == 200, response.json()
    assert set(response.json()) == {"access"}
    new = AccessToken(response.json()["access"])
    assert new["user_id"] == current["user_id"]
    assert new["sid"] == current["sid"]  # the session's: ending it ends this token too
    assert new["team"] == "blue"
    assert abs(new["reauth_at"] - time.time()) < 5
    assert new["jti"] != current["jti"]
    assert "no-store" in response["Cache-Control"]


def test_a_wrong_password_is_400_not_401(user):
    client, _access = signed_in_client(user)

    assert_problem(client.post(REAUTH, {"password": "wrong"}), 400, "invalid_password")


def test_wrong_passwords_go_through_the_failed_login_guard(user, settings):
    client, _access = signed_in_client(user)
    for _ in range(settings.ACCOUNTS_LOGIN_FAILURE_LIMIT):
        client.post(REAUTH, {"password": "wrong"})

    response = client.post(REAUTH, {"password": "correct-horse-battery-staple"})

    assert_problem(response, 429, "throttled")
    assert int(response["Retry-After"]) > 0


@pytest.mark.parametrize(
    "body",
    [{}, {"password": "x", "challengeId": "y", "credential": {}}, {"challengeId": "y"}],
    ids=["nothing", "both", "challenge-without-credential"],
)
def test_either_a_password_or_a_passkey_answer(user, body):
    client, _access = signed_in_client(user)

    assert_problem(client.post(REAUTH, body, format="json"), 400, "validation_error")


def test_signed_out_is_401(api_client):
    assert_problem(api_client.post(REAUTH, {"password": "x"}), 401, "not_authenticated")


def test_a_passwordless_account_reauthenticates_with_a_passkey():
    user = UserFactory(password="!unusable")
    authenticator = add_passkey(user)
    client, _access = signed_in_client(user)
    assert_problem(client.post(REAUTH, {"password": "anything"}), 400, "no_password")

    options = client.post(REAUTH_OPTIONS).json()
    allowed = [c["id"] for c in options["options"]["allowCredentials"]]
    credential = authenticator.get(options["options"])
    response = client.post(REAUTH, {"challengeId": options["challengeId"], "credential": credential})

    assert allowed == [credential["id"]]
    assert response.status_code == 200, response.json()
    assert "reauth_at" in AccessToken(response.json()["access"])


def test_another_users_reauthentication_challenge_is_refused(user):
    authenticator = add_passkey(user)
    other = UserFactory()
    other_client, _access = signed_in_client(other)
    foreign = other_client.post(REAUTH_OPTIONS).json()
    client, _access = signed_in_client(user)

    response = client.post(
        REAUTH, {"challengeId": foreign["challengeId"], "credential": authenticator.get(foreign["options"])}
    )

    assert_problem(response, 400, "invalid_challenge")


def test_reauth_endpoints_refuse_a_token_without_reauth_at(user):
    client, _access = signed_in_client(user)

    assert_problem(client.post(TOTP_SETUP), 403, "reauthentication_required")


def test_reauth_endpoints_refuse_an_old_reauthentication(user, settings):
    client = reauthenticated_client(user)
    settings.AUTH_REAUTH_MAX_AGE = -1

    assert_problem(client.post(TOTP_SETUP), 403, "reauthentication_required")


def test_reauth_endpoints_accept_a_fresh_reauthentication(user):
    assert reauthenticated_client(user).post(TOTP_SETUP).status_code == 200
