"""Bearer requests take their user from the cache, and never a user older than its last change."""

import hashlib

import pytest
from django.contrib.auth.hashers import is_password_usable, make_password
from django.core.cache import cache
from django.urls import reverse
from rest_framework.test import APIClient
from rest_framework_simplejwt import tokens
from rest_framework_simplejwt.tokens import AccessToken

from apps.accounts import authentication, user_cache
from apps.accounts.models import User
from apps.accounts.tests.factories import DEFAULT_PASSWORD, UserFactory
from apps.accounts.tokens import password_reset_token_make, password_reset_uid_make
from apps.accounts.user_cache import user_cache_forget, user_cached_get, user_has_usable_password

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _user_cache_on(settings):
    settings.AUTH_USER_CACHE_SECONDS = 300  # the default with Redis; tests may run without it


ME = reverse("api:users:me")
LOGIN = reverse("api:auth:login")
RESET_CONFIRM = reverse("api:auth:password-reset-confirm")
# What set_unusable_password() stores: the prefix and random characters.
UNUSABLE = "!" + "x" * 40


def bearer_client(user: User) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {AccessToken.for_user(user)}")
    return client


@pytest.mark.parametrize("has_password", [True, False], ids=["with-password", "social-only"])
def test_bearer_requests_after_the_first_make_no_query(has_password, django_assert_num_queries):
    user = UserFactory() if has_password else UserFactory(password=UNUSABLE)
    client = bearer_client(user)
    with django_assert_num_queries(1):
        first = client.get(ME)
    assert first.status_code == 200

    with django_assert_num_queries(0):
        response = client.get(ME)

    assert response.status_code == 200
    assert response.json()["email"] == user.email
    assert first.json()["hasPassword"] is response.json()["hasPassword"] is has_password


@pytest.mark.parametrize(
    "password",
    [UNUSABLE, "!", "pbkdf2_sha256$1000000$salt$aGFzaA==", "", " !x", "a!b", "%!", "_!"],
)
def test_the_cached_usable_bit_is_djangos_is_password_usable(password, django_assert_num_queries):
    user = UserFactory(password=password)

    from_database = user_cached_get(user_id=user.pk)  # and stores the entry
    with django_assert_num_queries(0):
        from_cache = user_cached_get(user_id=user.pk)
        answers = [user_has_usable_password(from_database), user_has_usable_password(from_cache)]

    assert answers == [is_password_usable(password)] * 2


def test_a_password_set_on_a_cached_user_answers_for_itself(user):
    user_cached_get(user_id=user.pk)
    cached = user_cached_get(user_id=user.pk)

    cached.set_unusable_password()
    assert user_has_usable_password(cached) is False
    cached.set_password("a-new-password-42")
    assert user_has_usable_password(cached) is True


def test_entries_written_before_the_usable_bit_are_never_read(user, django_assert_num_queries):
    fields_only = hashlib.sha256(",".join(user_cache._CACHED_FIELDS).encode()).hexdigest()[:12]
    old_entry = User.objects.filter(pk=user.pk).values_list(*user_cache._CACHED_FIELDS).first()
    cache.set(f"auth:user:{fields_only}:{user.pk}", tuple(old_entry))

    with django_assert_num_queries(1):
        cached = user_cached_get(user_id=user.pk)

    assert user_cache._key(user.pk) != f"auth:user:{fields_only}:{user.pk}"
    assert user_has_usable_password(cached) is True
    assert cache.get(user_cache._key(user.pk)) == (*old_entry, True)


def test_a_password_set_by_reset_shows_on_the_next_request():
    user = UserFactory(password=UNUSABLE)  # signed up through a provider
    client = bearer_client(user)
    assert client.get(ME).json()["hasPassword"] is False
    assert client.get(ME).json()["hasPassword"] is False  # from the cache
    payload = {"uid": password_reset_uid_make(user=user), "token": password_reset_token_make(user=user)}

    reset = APIClient().post(RESET_CONFIRM, {**payload, "newPassword": "a-long-and-unusual-passphrase"})

    assert reset.status_code == 204
    assert client.get(ME).json()["hasPassword"] is True


def test_a_password_made_unusable_elsewhere_shows_on_the_next_request(user):
    """As when a provider login claims an unverified account (social.py)."""
    client = bearer_client(user)
    assert client.get(ME).json()["hasPassword"] is True
    assert client.get(ME).json()["hasPassword"] is True  # from the cache

    claimed = User.objects.get(pk=user.pk)
    claimed.set_unusable_password()
    claimed.save(update_fields=["password"])

    assert client.get(ME).json()["hasPassword"] is False


def test_a_profile_change_shows_on_the_next_request(user):
    client = bearer_client(user)
    client.get(ME)

    assert client.patch(ME, {"firstName": "Grace"}).status_code == 200

    assert client.get(ME).json()["firstName"] == "Grace"


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


def test_the_password_hash_is_never_cached(user):
    bearer_client(user).get(ME)
    entry = cache.get(user_cache._key(user.pk))

    assert user.email in entry
    assert user.password not in repr(entry)
    # A cached user loads the hash from the database when something asks for it.
    assert user_cached_get(user_id=user.pk).check_password(DEFAULT_PASSWORD)


def test_saving_a_cached_user_writes_back_only_what_it_loaded(user):
    user_cached_get(user_id=user.pk)  # stores the entry
    cached = user_cached_get(user_id=user.pk)
    User.objects.filter(pk=user.pk).update(password=make_password("changed-elsewhere-1"))

    cached.first_name = "Ada"
    cached.save()

    user.refresh_from_db()
    assert user.first_name == "Ada"
    assert user.check_password("changed-elsewhere-1")


def test_after_a_change_readers_use_the_database_and_store_nothing(user, django_assert_num_queries):
    """A reader that loaded the row just before a change committed can't cache it afterwards."""
    user_cached_get(user_id=user.pk)
    user_cache_forget(user_id=user.pk)

    for _ in range(2):
        with django_assert_num_queries(1):
            user_cached_get(user_id=user.pk)
    assert cache.get(user_cache._key(user.pk)) == user_cache._TOMBSTONE


def test_forgetting_is_repeated_after_commit(user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        user.first_name = "Ada"
        user.save()
    cache.delete(user_cache._key(user.pk))
    user_cached_get(user_id=user.pk)  # a reader between the save and the commit stores a row

    for callback in callbacks:
        callback()

    assert cache.get(user_cache._key(user.pk)) == user_cache._TOMBSTONE


def test_signing_in_forgets_the_cached_user(api_client):
    user = UserFactory(last_login=None)
    assert user_cached_get(user_id=user.pk).last_login is None

    assert api_client.post(LOGIN, {"email": user.email, "password": DEFAULT_PASSWORD}).status_code == 200

    assert user_cached_get(user_id=user.pk).last_login is not None


def test_switched_off_every_request_reads_the_database(user, settings, django_assert_num_queries):
    settings.AUTH_USER_CACHE_SECONDS = 0
    client = bearer_client(user)

    for _ in range(2):
        with django_assert_num_queries(1):
            assert client.get(ME).status_code == 200
    assert cache.get(user_cache._key(user.pk)) is None


def test_with_revoke_checks_on_a_password_change_ends_older_tokens(user, monkeypatch):
    # simplejwt's modules keep the settings object they imported; a settings override misses them.
    for module in (authentication, tokens):
        monkeypatch.setattr(module.api_settings, "CHECK_REVOKE_TOKEN", True)
    client = bearer_client(user)
    assert client.get(ME).status_code == 200
    assert client.get(ME).status_code == 200  # from the cache, the hash loaded on demand

    user.set_password("a-new-password-42")
    user.save()
    response = client.get(ME)

    assert response.status_code == 401
    assert response.json()["code"] == "password_changed"
