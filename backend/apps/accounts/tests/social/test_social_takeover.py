"""An unverified account with the provider's address (pre-registration takeover).

Whoever the provider has verified as the address's owner claims the account; what the
registrant set up is not kept.
"""

import pytest
from django.core import mail
from django.urls import reverse
from rest_framework.test import APIClient
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken
from social_core.exceptions import AuthAssociationError
from social_django.models import UserSocialAuth

from apps.accounts import social
from apps.accounts.models import User
from apps.accounts.services.sessions import session_start
from apps.accounts.tests.factories import DEFAULT_PASSWORD, TEST_CLIENT, UserFactory
from apps.accounts.tests.social.flow import COOKIE, LOGIN, ME, REGISTER, callback_query, finish, github_answers, start
from apps.accounts.tokens import password_reset_token_make, password_reset_uid_make

pytestmark = pytest.mark.django_db

ATTACKER_PASSWORD = "mallorys-own-long-passphrase"


def password_login(email, password):
    response = APIClient().post(LOGIN, {"email": email, "password": password})
    body = response.json()
    return response.status_code, body.get("code"), body.get("detail")


def test_a_pre_registered_unverified_account_cannot_be_taken_over(client, api_client, provider_http, settings):
    settings.ACCOUNTS_REQUIRE_EMAIL_VERIFICATION = True
    # Mallory registers Ada's address with her own password; she cannot log in yet.
    registered = api_client.post(
        REGISTER, {"email": "ada@example.com", "password": ATTACKER_PASSWORD, "firstName": "Mallory"}
    )
    assert registered.status_code == 201
    assert password_login("ada@example.com", ATTACKER_PASSWORD)[:2] == (403, "email_not_verified")
    pre_registered = User.objects.get(email="ada@example.com")
    outstanding = session_start(user=pre_registered, client=TEST_CLIENT)  # however she might have come by one
    # Ada signs in with GitHub, which has verified the address.
    github_answers(provider_http)
    state = start(client)["state"][0]

    response = finish(client, state)

    # Ada is in, on that very account, now verified and linked.
    assert callback_query(response) == {"next": "/account"}
    refreshed = client.post(reverse("api:auth:refresh"))
    assert refreshed.status_code == 200
    me = client.get(ME, HTTP_AUTHORIZATION=f"Bearer {refreshed.json()['access']}")
    assert me.json()["email"] == "ada@example.com"
    user = User.objects.get(email="ada@example.com")
    assert user.pk == pre_registered.pk
    assert user.is_email_verified
    assert UserSocialAuth.objects.get(provider="github").user == user
    # Mallory's password gets exactly the answer a wrong one gets.
    assert password_login("ada@example.com", ATTACKER_PASSWORD)[:2] == (401, "invalid_credentials")
    assert password_login("ada@example.com", ATTACKER_PASSWORD) == password_login("ada@example.com", "wrong-guess-123")
    assert not user.has_usable_password()
    # Her outstanding session is over.
    mallory = APIClient()
    mallory.cookies[COOKIE] = outstanding.refresh
    assert mallory.post(reverse("api:auth:refresh")).status_code == 401
    # What she typed in is not kept: the names are the provider's.
    assert (user.first_name, user.last_name) == ("Ada", "Lovelace")


def test_the_claimed_account_can_set_a_password_by_email(
    client, api_client, provider_http, django_capture_on_commit_callbacks
):
    UserFactory(email="ada@example.com", is_email_verified=False)
    github_answers(provider_http)
    callback_query(finish(client, start(client)["state"][0]))

    with django_capture_on_commit_callbacks(execute=True):
        assert api_client.post(reverse("api:auth:password-reset"), {"email": "ada@example.com"}).status_code == 202
    assert mail.outbox[-1].to == ["ada@example.com"]
    user = User.objects.get(email="ada@example.com")  # the emailed token is made from the stored row
    payload = {"uid": password_reset_uid_make(user=user), "token": password_reset_token_make(user=user)}
    confirmed = api_client.post(
        reverse("api:auth:password-reset-confirm"), {**payload, "newPassword": "adas-new-long-passphrase"}
    )

    assert confirmed.status_code == 204
    assert password_login("ada@example.com", "adas-new-long-passphrase")[0] == 200


def test_a_failed_link_leaves_the_unverified_account_untouched(client, provider_http, monkeypatch):
    existing = UserFactory(email="ada@example.com", first_name="Augusta", is_email_verified=False)
    outstanding = session_start(user=existing, client=TEST_CLIENT)

    def refuse(backend, *args, **kwargs):
        raise AuthAssociationError(backend, code="identity_in_use", stage="pipeline")

    monkeypatch.setattr(social, "associate_user", refuse)
    github_answers(provider_http)

    response = finish(client, start(client)["state"][0])

    assert callback_query(response) == {"error": "account_in_use"}
    existing.refresh_from_db()
    assert (existing.is_email_verified, existing.first_name) == (False, "Augusta")
    assert existing.check_password(DEFAULT_PASSWORD)
    assert not UserSocialAuth.objects.exists()
    assert not BlacklistedToken.objects.filter(token__token=outstanding.refresh).exists()
