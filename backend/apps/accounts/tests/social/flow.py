"""The OAuth round trip the social tests drive.

The providers' HTTP answers, leaving by our login URL, coming back to complete, and where the
frontend callback is sent.
"""

from urllib.parse import parse_qs, urlsplit

from django.conf import settings
from django.urls import reverse

COOKIE = settings.AUTH_REFRESH_COOKIE["name"]
GITHUB_TOKEN_URL = "https://github.com/login/oauth/access_token"
GITHUB_USER_URL = "https://api.github.com/user"
GITHUB_EMAILS_URL = "https://api.github.com/user/emails"
LOGIN = reverse("api:auth:login")
REGISTER = reverse("api:auth:register")
ME = reverse("api:users:me")


def github_answers(mock, *, email="ada@example.com", verified=True, uid=4242, name="Ada Lovelace"):
    mock.post(GITHUB_TOKEN_URL, json={"access_token": "gh-access", "token_type": "bearer", "scope": "user:email"})
    mock.get(GITHUB_USER_URL, json={"id": uid, "login": "ada", "name": name, "email": email})
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
