"""Listing and unlinking the providers linked to one's account."""

import pytest
from django.urls import reverse
from social_django.models import UserSocialAuth

from apps.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_user_lists_linked_providers(auth_client, user):
    UserSocialAuth.objects.create(user=user, provider="github", uid="1")

    response = auth_client.get(reverse("api:users:social-accounts"))

    assert [(a["provider"], a["uid"]) for a in response.json()] == [("github", "1")]
    assert "createdAt" in response.json()[0]


def test_user_can_unlink_a_provider_when_a_password_remains(auth_client, user):
    account = UserSocialAuth.objects.create(user=user, provider="github", uid="1")

    response = auth_client.delete(reverse("api:users:social-account-detail", args=(account.pk,)))

    assert response.status_code == 204
    assert not UserSocialAuth.objects.filter(pk=account.pk).exists()


def test_last_login_method_cannot_be_unlinked(auth_client, user):
    user.set_unusable_password()
    user.save()
    account = UserSocialAuth.objects.create(user=user, provider="github", uid="1")

    response = auth_client.delete(reverse("api:users:social-account-detail", args=(account.pk,)))

    assert response.status_code == 409
    assert response.json()["code"] == "last_login_method"
    assert UserSocialAuth.objects.filter(pk=account.pk).exists()


def test_someone_elses_linked_account_is_a_404(auth_client):
    account = UserSocialAuth.objects.create(user=UserFactory(), provider="github", uid="1")

    response = auth_client.delete(reverse("api:users:social-account-detail", args=(account.pk,)))

    assert response.status_code == 404
    assert UserSocialAuth.objects.filter(pk=account.pk).exists()
