"""Registering, listing, renaming and removing passkeys."""

import pytest
from django.core import mail

from apps.accounts.tests.apis.auth import assert_problem
from apps.accounts.tests.factories import UserFactory
from apps.mfa.models import Passkey, RecoveryCode
from apps.mfa.tests.authenticator import SoftAuthenticator
from apps.mfa.tests.helpers import (
    PASSKEYS,
    PASSKEYS_OPTIONS,
    RECOVERY_CODES,
    STATUS,
    add_passkey,
    passkey_detail,
    reauthenticated_client,
    signed_in_client,
)

pytestmark = pytest.mark.django_db


def _register(client, authenticator, name="Laptop", **answer):
    options = client.post(PASSKEYS_OPTIONS).json()
    credential = authenticator.create(options["options"], **answer)
    return client.post(PASSKEYS, {"challengeId": options["challengeId"], "credential": credential, "name": name})


def test_registration_options_ask_for_a_discoverable_credential(user, settings):
    options = reauthenticated_client(user).post(PASSKEYS_OPTIONS).json()["options"]

    assert options["rp"] == {"id": settings.WEBAUTHN_RP_ID, "name": settings.WEBAUTHN_RP_NAME}
    assert options["authenticatorSelection"]["residentKey"] == "required"
    assert options["user"]["name"] == user.email
    assert options["excludeCredentials"] == []


def test_register_two_named_passkeys_list_them_and_get_an_email(user, django_capture_on_commit_callbacks):
    client = reauthenticated_client(user)
    with django_capture_on_commit_callbacks(execute=True):
        first = _register(client, SoftAuthenticator(), name="Laptop")
    second = _register(client, SoftAuthenticator(), name="Phone")

    assert first.status_code == 201, first.json()
    assert set(first.json()) == {"id", "name", "createdAt", "lastUsedAt"}
    assert first.json()["lastUsedAt"] is None
    assert second.status_code == 201
    assert [p["name"] for p in client.get(PASSKEYS).json()] == ["Laptop", "Phone"]
    assert client.get(STATUS).json()["passkeyCount"] == 2
    assert [m.subject for m in mail.outbox] == ["A passkey was added to your account"]
    assert "Laptop" in mail.outbox[0].body


def test_existing_passkeys_are_excluded_and_cannot_be_registered_twice(user):
    authenticator = add_passkey(user)
    client = reauthenticated_client(user)

    options = client.post(PASSKEYS_OPTIONS).json()
    excluded = [c["id"] for c in options["options"]["excludeCredentials"]]
    credential = authenticator.create(options["options"])
    again = client.post(PASSKEYS, {"challengeId": options["challengeId"], "credential": credential, "name": "Again"})

    assert excluded == [credential["id"]]
    assert_problem(again, 409, "passkey_exists")


def test_a_registration_challenge_works_once(user):
    client = reauthenticated_client(user)
    options = client.post(PASSKEYS_OPTIONS).json()
    body = {"challengeId": options["challengeId"], "name": "Laptop"}
    assert (
        client.post(PASSKEYS, {**body, "credential": SoftAuthenticator().create(options["options"])}).status_code == 201
    )

    again = client.post(PASSKEYS, {**body, "credential": SoftAuthenticator().create(options["options"])})

    assert_problem(again, 400, "invalid_challenge")


def test_another_users_registration_challenge_is_refused(user):
    foreign = reauthenticated_client(UserFactory()).post(PASSKEYS_OPTIONS).json()
    client = reauthenticated_client(user)

    response = client.post(
        PASSKEYS,
        {
            "challengeId": foreign["challengeId"],
            "credential": SoftAuthenticator().create(foreign["options"]),
            "name": "Laptop",
        },
    )

    assert_problem(response, 400, "invalid_challenge")


@pytest.mark.parametrize(
    "answer",
    [{"origin": "https://evil.example"}, {"rp_id": "evil.example"}, {"verified": False}],
    ids=["origin", "rp-id", "no-user-verification"],
)
def test_a_registration_for_another_site_or_without_verification_is_refused(user, answer):
    response = _register(reauthenticated_client(user), SoftAuthenticator(), **answer)

    assert_problem(response, 400, "invalid_credential")


@pytest.mark.parametrize(
    "credential", [{}, {"id": "a", "rawId": "a", "response": {}}, [1]], ids=["empty", "no-attestation", "list"]
)
def test_bad_registration_json_is_a_4xx(user, credential):
    client = reauthenticated_client(user)
    options = client.post(PASSKEYS_OPTIONS).json()

    response = client.post(PASSKEYS, {"challengeId": options["challengeId"], "credential": credential, "name": "x"})

    assert response.status_code == 400
    assert response.json()["code"] in {"invalid_credential", "validation_error"}


def test_a_name_with_a_bidi_override_is_refused(user):
    response = _register(reauthenticated_client(user), SoftAuthenticator(), name="evil\u202etxt")

    assert_problem(response, 400, "validation_error")


def test_rename_needs_no_reauthentication_but_only_reaches_own_passkeys(user):
    add_passkey(user)
    passkey_id = Passkey.objects.get(user=user).pk
    client, _access = signed_in_client(user)
    stranger, _access = signed_in_client(UserFactory())

    response = client.patch(passkey_detail(passkey_id), {"name": "Work laptop"})

    assert response.status_code == 200
    assert response.json()["name"] == "Work laptop"
    assert_problem(stranger.patch(passkey_detail(passkey_id), {"name": "Mine"}), 404, "not_found")
    assert_problem(client.patch(passkey_detail(passkey_id), {"name": ""}), 400, "validation_error")


def test_remove_needs_reauthentication_and_the_last_factor_takes_the_recovery_codes(user):
    add_passkey(user)
    passkey_id = Passkey.objects.get(user=user).pk
    client, _access = signed_in_client(user)
    assert_problem(client.delete(passkey_detail(passkey_id)), 403, "reauthentication_required")
    reauthed = reauthenticated_client(user)
    reauthed.post(RECOVERY_CODES)

    response = reauthed.delete(passkey_detail(passkey_id))

    assert response.status_code == 204
    assert not Passkey.objects.filter(user=user).exists()
    assert not RecoveryCode.objects.filter(user=user).exists()
    assert_problem(reauthed.delete(passkey_detail(passkey_id)), 404, "not_found")


def test_registration_needs_reauthentication(user):
    client, _access = signed_in_client(user)

    assert_problem(client.post(PASSKEYS_OPTIONS), 403, "reauthentication_required")
    assert_problem(client.post(PASSKEYS, {}), 403, "reauthentication_required")
    assert client.get(PASSKEYS).status_code == 200
