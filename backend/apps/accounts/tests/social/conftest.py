"""Fixtures of the social tests: GitHub and Google configured, and their HTTP answered by `responses`."""

import pytest
import responses


@pytest.fixture(autouse=True)
def _providers(settings):
    # [copier] if social_github
    settings.SOCIAL_AUTH_GITHUB_KEY = "gh-key"
    settings.SOCIAL_AUTH_GITHUB_SECRET = "gh-secret"
    # [copier] end
    # [copier] if social_google
    settings.SOCIAL_AUTH_GOOGLE_OAUTH2_KEY = "google-key"
    settings.SOCIAL_AUTH_GOOGLE_OAUTH2_SECRET = "google-secret"
    # [copier] end


@pytest.fixture
def provider_http():
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        yield mock
