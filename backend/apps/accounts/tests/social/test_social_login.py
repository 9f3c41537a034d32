"""The whole social pipeline, with GitHub's and Google's HTTP answered by `responses`."""

from urllib.parse import parse_qs, urlsplit

import pytest
import responses
from django.conf import settings
from django.core import mail
from django.urls import reverse
from rest_framework.test import APIClient
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken
from social_core.exceptions import AuthAssociationError
from social_django.models import UserSocialAuth

from apps.accounts import social
from apps.accounts.cookies import SESSION_HINT_COOKIE
from apps.accounts.models import User
from apps.accounts.services.sessions import session_start
from apps.accounts.tests.factories import DEFAULT_PASSWORD, UserFactory
from apps.accounts.tokens import password_reset_token_make, password_reset_uid_make

pytestmark = pytest.mark.django_db

COOKIE = settings.AUTH_REFRESH_COOKIE["name"]
GITHUB_TOKEN_URL = "https://github.com/login/oauth/access_token"
GITHUB_USER_URL = "https://api.github.com/user"
GITHUB_EMAILS_URL = "https://api.github.com/user/emails"
GOOGLE_TOKEN_URL = "https://accounts.google.com/o/oauth2/token"
GOOGLE_USERINFO_URL = "https://www.googleapis.com/oauth2/v3/userinfo"
LOGIN = reverse("api:auth:login")
REGISTER = reverse("api:auth:register")
ME = reverse("api:users:me")


@pytest.fixture(autouse=True)
def _providers(settings):
    settings.SOCIAL_AUTH_GITHUB_KEY = "gh-key"
    settings.SOCIAL_AUTH_GITHUB_SECRET = "gh-secret"
    settings.SOCIAL_AUTH_GOOGLE_OAUTH2_KEY = "google-key"
    settings.SOCIAL_AUTH_GOOGLE_OAUTH2_SECRET = "google-secret"


@pytest.fixture
def provider_http():
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        yield mock


def github_answers(mock, *, email="ada@example.com", verified=True, uid=4242):
    mock.post(GITHUB_TOKEN_URL, json={"access_token": "gh-access", "token_type": "bearer", "scope": "user:email"})
    mock.get(GITHUB_USER_URL, json={"id": uid, "login": "ada", "name": "Ada Lovelace", "email": email})
    mock.get(GITHUB_EMAILS_URL, json=[{"email": email, "verified": verified, "primary": True}] if email else [])


def start(client, provider="github", next_path="/account"):
    response = client.get(reverse("api:auth:social-login", args=(provider,)), {"next": next_path})
    assert response.status_code == 302, response.content
    return parse_qs(urlsplit(response["Location"]).query)


def finish(client, state, provider="github", **extra):
    return client.get(
        reverse("api:auth:social-complete", args=(provider,)), {"code": "provider-code", "state": state, **extra}
    )


def callback_query(response):
    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == f"{settings.FRONTEND_URL}/auth/callback"
    return {key: values[0] for key, values in parse_qs(location.query).items()}


def test_providers_lists_only_configured_ones(api_client, settings):
    settings.SOCIAL_AUTH_GOOGLE_OAUTH2_SECRET = ""

    response = api_client.get(reverse("api:auth:social-providers"))

    assert response.json() == [{"id": "github", "name": "GitHub", "loginUrl": "/api/v1/auth/social/github/login/"}]


def test_login_redirects_to_the_provider_with_state_and_our_callback(client):
    query = start(client)

    assert query["client_id"] == ["gh-key"]
    assert query["state"][0]
    assert query["redirect_uri"][0].endswith("/api/v1/auth/social/github/complete/")


def test_disabled_provider_is_a_404_problem(client, settings):
    settings.SOCIAL_AUTH_GITHUB_KEY = ""

    response = client.get(reverse("api:auth:social-login", args=("github",)))

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


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
    earlier = session_start(user=existing)
    github_answers(provider_http)
    state = start(client)["state"][0]

    assert callback_query(finish(client, state)) == {"next": "/account"}

    assert api_client.post(LOGIN, {"email": "ada@example.com", "password": DEFAULT_PASSWORD}).status_code == 200
    api_client.cookies[COOKIE] = earlier.refresh
    assert api_client.post(reverse("api:auth:refresh")).status_code == 200


# --- an unverified account with the same address (pre-registration takeover) --------------------

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
    outstanding = session_start(user=pre_registered)  # however she might have come by one
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
    outstanding = session_start(user=existing)

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


def test_unverified_provider_email_is_refused_and_takes_over_nothing(client, provider_http):
    victim = UserFactory(email="ada@example.com")
    github_answers(provider_http, verified=False)
    state = start(client)["state"][0]

    response = finish(client, state)

    assert callback_query(response) == {"error": "email_unverified"}
    assert not UserSocialAuth.objects.filter(user=victim).exists()
    assert COOKIE not in response.cookies


def test_missing_provider_email_is_refused(client, provider_http):
    github_answers(provider_http, email="")
    state = start(client)["state"][0]

    assert callback_query(finish(client, state)) == {"error": "email_missing"}
    assert not User.objects.exists()


def test_state_mismatch_is_refused_before_calling_the_provider(client, provider_http):
    github_answers(provider_http)
    start(client)

    response = finish(client, "forged-state")

    assert callback_query(response) == {"error": "state_mismatch"}
    assert len(provider_http.calls) == 0


def test_cancelled_consent_comes_back_as_a_readable_error(client):
    state = start(client)["state"][0]

    response = client.get(
        reverse("api:auth:social-complete", args=("github",)),
        {"error": "access_denied", "error_description": "The user has denied your application access.", "state": state},
    )

    assert callback_query(response) == {"error": "cancelled"}


def test_provider_outage_comes_back_as_a_readable_error(client, provider_http):
    provider_http.post(GITHUB_TOKEN_URL, status=502)
    state = start(client)["state"][0]

    assert callback_query(finish(client, state)) == {"error": "provider_error"}


@pytest.mark.parametrize(
    "target", ["https://evil.example/steal", "//evil.example", "/\\evil.example", "javascript:alert(1)"]
)
def test_open_redirect_attempts_land_on_the_home_page(client, provider_http, target):
    github_answers(provider_http)
    state = start(client, next_path=target)["state"][0]

    assert callback_query(finish(client, state)) == {"next": "/"}


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


def test_google_login_requires_the_email_verified_claim(client, provider_http):
    provider_http.post(GOOGLE_TOKEN_URL, json={"access_token": "g-access", "token_type": "Bearer", "expires_in": 3600})
    provider_http.get(
        GOOGLE_USERINFO_URL,
        json={"sub": "g-1", "email": "grace@example.com", "email_verified": False, "given_name": "Grace"},
    )
    state = start(client, provider="google-oauth2")["state"][0]

    response = finish(client, state, provider="google-oauth2")

    assert callback_query(response) == {"error": "email_unverified"}


def test_google_login_with_verified_email_creates_the_user(client, provider_http):
    provider_http.post(GOOGLE_TOKEN_URL, json={"access_token": "g-access", "token_type": "Bearer", "expires_in": 3600})
    provider_http.get(
        GOOGLE_USERINFO_URL,
        json={
            "sub": "g-1",
            "email": "grace@example.com",
            "email_verified": True,
            "given_name": "Grace",
            "family_name": "Hopper",
        },
    )
    state = start(client, provider="google-oauth2")["state"][0]

    assert callback_query(finish(client, state, provider="google-oauth2")) == {"next": "/account"}
    assert User.objects.get(email="grace@example.com").last_name == "Hopper"


# --- linked accounts -----------------------------------------------------------------------------


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


def test_github_enterprise_uses_the_configured_server(client, settings, provider_http):
    settings.SOCIAL_AUTH_GITHUB_ENTERPRISE_URL = "https://git.example.com/"
    settings.SOCIAL_AUTH_GITHUB_ENTERPRISE_API_URL = "https://git.example.com/api/v3/"
    settings.SOCIAL_AUTH_GITHUB_ENTERPRISE_KEY = "ghe-key"
    settings.SOCIAL_AUTH_GITHUB_ENTERPRISE_SECRET = "ghe-secret"
    provider_http.post(
        "https://git.example.com/login/oauth/access_token", json={"access_token": "t", "token_type": "bearer"}
    )
    provider_http.get(
        "https://git.example.com/api/v3/user", json={"id": 7, "login": "lin", "name": "Lin", "email": None}
    )
    provider_http.get(
        "https://git.example.com/api/v3/user/emails",
        json=[{"email": "lin@example.com", "verified": True, "primary": True}],
    )
    response = client.get(reverse("api:auth:social-login", args=("github-enterprise",)))
    assert response["Location"].startswith("https://git.example.com/login/oauth/authorize?")
    state = parse_qs(urlsplit(response["Location"]).query)["state"][0]

    assert callback_query(finish(client, state, provider="github-enterprise")) == {"next": "/"}
    assert User.objects.get(email="lin@example.com").first_name == "Lin"
