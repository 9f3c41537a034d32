"""Usernameless sign-in with a passkey alone, and the rules of its challenges."""

import datetime

import pytest
from django.utils import timezone
from rest_framework.throttling import ScopedRateThrottle
from rest_framework_simplejwt.tokens import AccessToken

from apps.accounts.models import UserSession
from apps.accounts.tests.apis.auth import COOKIE, assert_problem
from apps.accounts.tests.factories import FIREFOX_ON_LINUX, UserFactory
from apps.mfa.models import Passkey, WebAuthnChallenge
from apps.mfa.tests.authenticator import SoftAuthenticator
from apps.mfa.tests.helpers import PASSKEY_LOGIN, PASSKEY_OPTIONS, add_passkey, enable_totp

pytestmark = pytest.mark.django_db


def _options(client) -> dict:
    response = client.post(PASSKEY_OPTIONS, {})
    assert response.status_code == 200, response.json()
    return response.json()


def test_options_ask_for_any_discoverable_passkey_with_user_verification(api_client, settings):
    body = _options(api_client)

    assert set(body) == {"challengeId", "options"}
    assert body["options"]["allowCredentials"] == []
    assert body["options"]["userVerification"] == "required"
    assert body["options"]["rpId"] == settings.WEBAUTHN_RP_ID


def test_a_passkey_alone_signs_in_even_with_totp_on(api_client, user):
    enable_totp(user)
    authenticator = add_passkey(user)
    body = _options(api_client)

    response = api_client.post(
        PASSKEY_LOGIN, {"challengeId": body["challengeId"], "credential": authenticator.get(body["options"])}
    )

    assert response.status_code == 200, response.json()
    assert response.json()["user"]["email"] == user.email
    assert COOKIE in response.cookies
    passkey = Passkey.objects.get(user=user)
    assert passkey.last_used_at is not None
    assert passkey.sign_count == 1


def test_a_challenge_answers_once(api_client, user):
    authenticator = add_passkey(user)
    body = _options(api_client)
    credential = authenticator.get(body["options"])
    assert (
        api_client.post(PASSKEY_LOGIN, {"challengeId": body["challengeId"], "credential": credential}).status_code
        == 200
    )

    again = api_client.post(PASSKEY_LOGIN, {"challengeId": body["challengeId"], "credential": credential})

    assert_problem(again, 400, "invalid_challenge")


def test_an_expired_challenge_is_refused(api_client, user):
    authenticator = add_passkey(user)
    body = _options(api_client)
    WebAuthnChallenge.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))

    response = api_client.post(
        PASSKEY_LOGIN, {"challengeId": body["challengeId"], "credential": authenticator.get(body["options"])}
    )

    assert_problem(response, 400, "invalid_challenge")


def test_a_challenge_of_another_purpose_is_refused(api_client, user):
    authenticator = add_passkey(user)
    body = _options(api_client)
    WebAuthnChallenge.objects.update(purpose=WebAuthnChallenge.Purpose.REAUTHENTICATE, user=user)

    response = api_client.post(
        PASSKEY_LOGIN, {"challengeId": body["challengeId"], "credential": authenticator.get(body["options"])}
    )

    assert_problem(response, 400, "invalid_challenge")


@pytest.mark.parametrize("challenge_id", ["not-a-uuid", "00000000-0000-0000-0000-000000000000"])
def test_an_unknown_challenge_is_refused(api_client, user, challenge_id):
    authenticator = add_passkey(user)
    body = _options(api_client)

    response = api_client.post(
        PASSKEY_LOGIN, {"challengeId": challenge_id, "credential": authenticator.get(body["options"])}
    )

    assert_problem(response, 400, "invalid_challenge")


def test_an_answer_signed_for_another_challenge_is_refused(api_client, user):
    authenticator = add_passkey(user)
    first, second = _options(api_client), _options(api_client)

    response = api_client.post(
        PASSKEY_LOGIN, {"challengeId": second["challengeId"], "credential": authenticator.get(first["options"])}
    )

    assert_problem(response, 400, "invalid_credential")


@pytest.mark.parametrize(
    ("origin", "rp_id"), [("https://evil.example", None), (None, "evil.example")], ids=["origin", "rp-id"]
)
def test_an_answer_for_another_site_is_refused(api_client, user, origin, rp_id):
    authenticator = add_passkey(user)
    body = _options(api_client)

    credential = authenticator.get(body["options"], origin=origin, rp_id=rp_id)
    response = api_client.post(PASSKEY_LOGIN, {"challengeId": body["challengeId"], "credential": credential})

    assert_problem(response, 400, "invalid_credential")


def test_an_unregistered_passkey_is_refused(api_client, db):
    body = _options(api_client)
    stranger = SoftAuthenticator()
    stranger.user_handle = "AAAA"

    response = api_client.post(
        PASSKEY_LOGIN, {"challengeId": body["challengeId"], "credential": stranger.get(body["options"])}
    )

    assert_problem(response, 400, "invalid_credential")


def test_without_user_verification_the_passkey_is_refused(api_client, user):
    authenticator = add_passkey(user)
    body = _options(api_client)

    credential = authenticator.get(body["options"], verified=False)
    response = api_client.post(PASSKEY_LOGIN, {"challengeId": body["challengeId"], "credential": credential})

    assert_problem(response, 400, "invalid_credential")


def test_a_deactivated_account_cannot_sign_in_with_its_passkey(api_client):
    user = UserFactory()
    authenticator = add_passkey(user)
    user.is_active = False
    user.save()
    body = _options(api_client)

    response = api_client.post(
        PASSKEY_LOGIN, {"challengeId": body["challengeId"], "credential": authenticator.get(body["options"])}
    )

    assert_problem(response, 400, "invalid_credential")


@pytest.mark.parametrize(
    "credential",
    [{}, {"id": "x", "rawId": 5}, {"id": "x", "rawId": "!!!", "response": {}}, "a string", ["a", "list"]],
    ids=["empty", "raw-id-number", "raw-id-not-base64", "string", "list"],
)
def test_bad_credential_json_is_a_4xx(api_client, user, credential):
    add_passkey(user)
    body = _options(api_client)

    response = api_client.post(PASSKEY_LOGIN, {"challengeId": body["challengeId"], "credential": credential})

    assert response.status_code == 400
    assert response.json()["code"] in {"invalid_credential", "validation_error"}


def test_a_mangled_signature_is_refused(api_client, user):
    authenticator = add_passkey(user)
    body = _options(api_client)
    credential = authenticator.get(body["options"])
    credential["response"]["signature"] = credential["response"]["signature"][:-4] + "AAAA"

    response = api_client.post(PASSKEY_LOGIN, {"challengeId": body["challengeId"], "credential": credential})

    assert_problem(response, 400, "invalid_credential")


def test_passkey_sign_in_is_throttled_per_address(api_client, monkeypatch):
    monkeypatch.setitem(ScopedRateThrottle.THROTTLE_RATES, "auth_mfa", "2/min")
    for _ in range(2):
        _options(api_client)

    response = api_client.post(PASSKEY_OPTIONS, {})

    assert_problem(response, 429, "throttled")
    assert int(response["Retry-After"]) > 0


def test_a_passkey_sign_in_starts_a_session_that_records_the_browser(api_client, user):
    authenticator = add_passkey(user)
    body = _options(api_client)

    response = api_client.post(
        PASSKEY_LOGIN,
        {"challengeId": body["challengeId"], "credential": authenticator.get(body["options"])},
        HTTP_USER_AGENT=FIREFOX_ON_LINUX,
    )

    session = UserSession.objects.get(user=user)
    assert AccessToken(response.json()["access"])["sid"] == str(session.id)
    assert session.device == "Firefox on Linux"
