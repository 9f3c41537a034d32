"""A bearer token's user is read from the database on every request: any change to it counts at once."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient
from rest_framework_simplejwt import authentication, tokens

from apps.accounts.models import User
from apps.accounts.tests.factories import access_token_for

pytestmark = pytest.mark.django_db

ME = reverse("api:users:me")
RESET_CONFIRM = reverse("api:auth:password-reset-confirm")
# What set_unusable_password() stores: the prefix and random characters.
UNUSABLE = "!" + "x" * 40


def bearer_client(user: User) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {access_token_for(user)}")
    return client


def test_a_bearer_request_reads_its_user_with_one_query(user, django_assert_num_queries):
    client = bearer_client(user)

    for _ in range(2):
        with django_assert_num_queries(1):
            assert client.get(ME).json()["email"] == user.email


def test_a_password_made_unusable_elsewhere_shows_on_the_next_request(user):
    """As when an admin, or a provider login claiming an unverified account, makes it unusable."""
    client = bearer_client(user)
    assert client.get(ME).json()["hasPassword"] is True

    claimed = User.objects.get(pk=user.pk)
    claimed.set_unusable_password()
    claimed.save(update_fields=["password"])

    assert client.get(ME).json()["hasPassword"] is False


def test_a_profile_change_shows_on_the_next_request(user):
    client = bearer_client(user)
    client.get(ME)

    assert client.patch(ME, {"firstName": "Grace"}).status_code == 200

    assert client.get(ME).json()["firstName"] == "Grace"


def test_an_email_change_shows_on_the_next_request(user):
    client = bearer_client(user)
    client.get(ME)

    User.objects.filter(pk=user.pk).update(email="grace@example.com")

    assert client.get(ME).json()["email"] == "grace@example.com"


def test_a_deactivated_user_is_refused_on_the_next_request(user):
    client = bearer_client(user)
    assert client.get(ME).status_code == 200
    user.is_active = False
    user.save()

    response = client.get(ME)

    assert response.status_code == 401
    assert response.json()["code"] == "user_inactive"


def test_a_deleted_user_is_refused_on_the_next_request(user):
    client = bearer_client(user)
    assert client.get(ME).status_code == 200
    user.delete()

    response = client.get(ME)

    assert response.status_code == 401
    assert response.json()["code"] == "user_not_found"


def test_with_revoke_checks_on_a_password_change_ends_older_tokens(user, monkeypatch):
    # simplejwt's modules keep the settings object they imported; a settings override misses them.
    for module in (authentication, tokens):
        monkeypatch.setattr(module.api_settings, "CHECK_REVOKE_TOKEN", True)
    client = bearer_client(user)
    assert client.get(ME).status_code == 200

    user.set_password("a-new-password-42")
    user.save()
    response = client.get(ME)

    assert response.status_code == 401
    assert response.json()["code"] == "password_changed"
