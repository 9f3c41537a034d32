"""Google: its `email_verified` claim decides."""

import pytest

from apps.accounts.models import User
from apps.accounts.tests.social.flow import callback_query, finish, start

pytestmark = pytest.mark.django_db

GOOGLE_TOKEN_URL = "https://accounts.google.com/o/oauth2/token"
GOOGLE_USERINFO_URL = "https://www.googleapis.com/oauth2/v3/userinfo"


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
