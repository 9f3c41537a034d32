"""Social login of an account with a second factor: the callback gets a ticket, not a session."""

import pytest

from apps.accounts.tests.factories import UserFactory
from apps.accounts.tests.social.flow import COOKIE, callback_query, finish, github_answers, start
from apps.mfa.tests.helpers import MFA_TOTP, code_at, enable_totp

pytestmark = pytest.mark.django_db


def test_social_login_of_a_totp_account_redirects_with_a_ticket_and_no_cookie(client, provider_http, api_client):
    user = UserFactory(email="ada@example.com")
    secret, _codes = enable_totp(user)
    github_answers(provider_http)

    response = finish(client, start(client)["state"][0])

    query = callback_query(response)
    assert set(query) == {"mfa", "methods", "next"}
    assert query["methods"] == "totp,recoveryCode"
    assert query["next"] == "/account"
    assert COOKIE not in response.cookies
    second = api_client.post(MFA_TOTP, {"ticket": query["mfa"], "code": code_at(secret, 1)})
    assert second.status_code == 200, second.json()
    assert COOKIE in second.cookies


def test_social_login_without_a_second_factor_still_sets_the_cookie(client, provider_http):
    UserFactory(email="ada@example.com")
    github_answers(provider_http)

    response = finish(client, start(client)["state"][0])

    assert callback_query(response) == {"next": "/account"}
    assert COOKIE in response.cookies
