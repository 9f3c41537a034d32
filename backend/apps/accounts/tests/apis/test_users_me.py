import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from apps.accounts.models import User
from apps.accounts.tests.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

ME = reverse("api:users:me")
LOGIN = reverse("api:auth:login")
REFRESH = reverse("api:auth:refresh")


def test_me_returns_the_profile_in_camel_case(auth_client, user):
    response = auth_client.get(ME)

    assert response.status_code == 200
    assert response.json() == {
        "id": user.pk,
        "email": user.email,
        "firstName": user.first_name,
        "lastName": user.last_name,
        "isEmailVerified": True,
        "dateJoined": user.date_joined.isoformat().replace("+00:00", "Z"),
        "hasPassword": True,
        "avatar": None,
        "language": "en",
    }


def test_me_says_a_user_without_a_password_has_none(auth_client, user):
    user.set_unusable_password()
    user.save()

    assert auth_client.get(ME).json()["hasPassword"] is False


def test_me_needs_authentication(api_client):
    response = api_client.get(ME)

    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_me_patch_updates_names_only(auth_client, user):
    response = auth_client.patch(ME, {"firstName": "Grace", "email": "new@example.com", "isEmailVerified": False})

    assert response.status_code == 200
    user.refresh_from_db()
    assert (user.first_name, user.email, user.is_email_verified) == ("Grace", user.email, True)
    assert response.json()["firstName"] == "Grace"


def test_me_patch_rejects_too_long_names(auth_client):
    response = auth_client.patch(ME, {"lastName": "x" * 151})

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "lastName"


def test_me_reports_avatar_urls(auth_client, user):
    user.avatar.save("a.png", ContentFile(b"png"), save=False)
    user.avatar_thumbnail.save("t.png", ContentFile(b"png"), save=True)

    avatar = auth_client.get(ME).json()["avatar"]

    assert avatar["url"].endswith(".png")
    assert "thumbnails" in avatar["thumbnailUrl"]


def test_delete_me_with_wrong_password_keeps_the_account(auth_client, user):
    response = auth_client.delete(ME, {"password": "wrong"})

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "password"
    assert User.objects.filter(pk=user.pk).exists()


def test_delete_me_removes_the_account_its_files_and_its_sessions(api_client, django_capture_on_commit_callbacks):
    user = UserFactory()
    user.avatar.save("a.png", ContentFile(b"png"), save=True)
    avatar_name, storage = user.avatar.name, user.avatar.storage
    access = api_client.post(LOGIN, {"email": user.email, "password": DEFAULT_PASSWORD}).json()["access"]
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {access}")

    with django_capture_on_commit_callbacks(execute=True):
        response = api_client.delete(ME, {"password": DEFAULT_PASSWORD})

    assert response.status_code == 204
    assert not User.objects.filter(pk=user.pk).exists()
    assert not storage.exists(avatar_name)
    api_client.credentials()
    assert api_client.post(REFRESH).status_code == 401


def test_delete_me_without_usable_password_needs_no_password(auth_client, user):
    user.set_unusable_password()
    user.save()

    assert auth_client.delete(ME).status_code == 204


def test_me_patch_changes_the_language_of_emails(auth_client, user, settings):
    offered = settings.LANGUAGES[-1][0]
    response = auth_client.patch(ME, {"language": offered})

    assert response.status_code == 200
    assert response.json()["language"] == offered
    user.refresh_from_db()
    assert user.language == offered


@pytest.mark.parametrize("language", ["fr", "", "de-at", None])
def test_me_patch_refuses_a_language_not_offered(auth_client, user, language):
    response = auth_client.patch(ME, {"language": language})

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "language"
    user.refresh_from_db()
    assert user.language == "en"
