"""Logging in with a provider: the redirect out, creating or linking the account, and the session it starts."""

import pytest
from django.urls import reverse
from social_django.models import UserSocialAuth

from apps.accounts.cookies import SESSION_HINT_COOKIE
from apps.accounts.models import User, UserSession
from apps.accounts.services.sessions import session_start
from apps.accounts.tests.factories import DEFAULT_PASSWORD, FIREFOX_ON_LINUX, TEST_CLIENT, UserFactory
from apps.accounts.tests.social.flow import COOKIE, LOGIN, callback_query, finish, github_answers, start

pytestmark = pytest.mark.django_db


def test_login_redirects_to_the_provider_with_state_and_our_callback(client):
    query = start(client)

    assert query["client_id"] == ["gh-key"]
    assert query["state"][0]
    assert query["redirect_uri"][0].endswith("/api/v1/auth/social/github/complete/")


def test_new_user_with_verified_email_is_created_and_gets_a_session(client, provider_http):
    github_answers(provider_http)
    state = start(client)["state"][0]

    response = finish(client, state)

    assert callback_query(response) == {"next": "/account"}
    user = User.objects.get(email="ada@example.com")
    assert (user.first_name, user.last_name, user.is_email_verified) == ("Ada", "Lovelace", True)
    assert not user.has_usable_password()
    assert UserSocialAuth.objects.get(user=user).uid == "4242"
    assert response.cookies[COOKIE]["httponly"]
    assert response.cookies[SESSION_HINT_COOKIE].value == "1"
    assert client.post(reverse("api:auth:refresh")).status_code == 200


# [copier] if lang_de
def test_new_user_gets_the_language_of_the_browser_coming_back_from_the_provider(client, provider_http):
    github_answers(provider_http)
    state = start(client)["state"][0]

    client.get(
        reverse("api:auth:social-complete", args=("github",)),
        {"code": "provider-code", "state": state},
        HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9,en;q=0.8",
    )

    assert User.objects.get(email="ada@example.com").language == "de"
    # [copier] end


def test_the_completion_that_sets_the_refresh_cookie_is_not_stored_by_caches(client, provider_http):
    github_answers(provider_http)

    response = finish(client, start(client)["state"][0])

    assert "no-store" in response["Cache-Control"]


def test_invisible_characters_in_the_providers_name_are_dropped(client, provider_http):
    # Issue 15, finding 9: a name typed in with them is refused; the provider's cannot be, so they go.
    github_answers(provider_http, name="Ada\u202e Love\u2066lace")

    finish(client, start(client)["state"][0])

    user = User.objects.get(email="ada@example.com")
    assert (user.first_name, user.last_name) == ("Ada", "Lovelace")


def test_existing_user_with_the_same_verified_email_is_linked_not_duplicated(client, provider_http):
    existing = UserFactory(email="ada@example.com", first_name="Augusta", is_email_verified=True)
    github_answers(provider_http, email="ADA@example.com")
    state = start(client)["state"][0]

    callback_query(finish(client, state))

    assert User.objects.filter(email="ada@example.com").count() == 1
    existing.refresh_from_db()
    assert existing.first_name == "Augusta"
    assert UserSocialAuth.objects.get(provider="github").user == existing


def test_a_verified_account_keeps_its_password_and_sessions_after_linking(client, api_client, provider_http):
    existing = UserFactory(email="ada@example.com", first_name="Augusta", is_email_verified=True)
    earlier = session_start(user=existing, client=TEST_CLIENT)
    github_answers(provider_http)
    state = start(client)["state"][0]

    assert callback_query(finish(client, state)) == {"next": "/account"}

    assert api_client.post(LOGIN, {"email": "ada@example.com", "password": DEFAULT_PASSWORD}).status_code == 200
    api_client.cookies[COOKIE] = earlier.refresh
    assert api_client.post(reverse("api:auth:refresh")).status_code == 200


def test_inactive_account_is_refused(client, provider_http):
    UserFactory(email="ada@example.com", is_active=False)
    github_answers(provider_http)
    state = start(client)["state"][0]

    assert callback_query(finish(client, state)) == {"error": "account_inactive"}


def test_an_already_linked_account_logs_in_even_if_the_email_changed(client, provider_http):
    user = UserFactory(email="old@example.com")
    UserSocialAuth.objects.create(user=user, provider="github", uid="4242", extra_data={"id": 4242})
    github_answers(provider_http, email="new@example.com", verified=False)
    state = start(client)["state"][0]

    response = finish(client, state)

    assert callback_query(response) == {"next": "/account"}
    assert COOKIE in response.cookies


def test_the_session_a_social_login_starts_records_the_browser(client, provider_http):
    github_answers(provider_http)
    state = start(client)["state"][0]

    client.get(
        reverse("api:auth:social-complete", args=("github",)),
        {"code": "provider-code", "state": state},
        HTTP_USER_AGENT=FIREFOX_ON_LINUX,
        REMOTE_ADDR="198.51.100.8",
    )

    session = UserSession.objects.get(user__email="ada@example.com")
    assert (session.device, session.ip) == ("Firefox on Linux", "198.51.100.8")
