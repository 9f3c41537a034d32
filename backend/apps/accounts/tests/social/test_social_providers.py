"""Which providers are offered, and GitHub Enterprise's own server."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from apps.accounts.models import User
from apps.accounts.tests.social.flow import callback_query, finish

pytestmark = pytest.mark.django_db


def test_providers_lists_only_configured_ones(api_client, settings):
    settings.SOCIAL_AUTH_GOOGLE_OAUTH2_SECRET = ""

    response = api_client.get(reverse("api:auth:social-providers"))

    assert response.json() == [{"id": "github", "name": "GitHub", "loginUrl": "/api/v1/auth/social/github/login/"}]


def test_disabled_provider_is_a_404_problem(client, settings):
    settings.SOCIAL_AUTH_GITHUB_KEY = ""

    response = client.get(reverse("api:auth:social-login", args=("github",)))

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


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
