"""What the frontend callback is told when a social login is refused or fails; never a foreign `next`."""

import pytest
from django.urls import reverse
from social_django.models import UserSocialAuth

from apps.accounts.models import User
from apps.accounts.tests.factories import UserFactory
from apps.accounts.tests.social.flow import COOKIE, GITHUB_TOKEN_URL, callback_query, finish, github_answers, start

pytestmark = pytest.mark.django_db


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
