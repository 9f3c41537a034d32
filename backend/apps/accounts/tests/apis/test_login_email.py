"""Login finds an account whatever the case or surrounding spaces of the address typed."""

import pytest
from django.conf import settings

from apps.accounts.tests.apis.test_auth import LOGIN, REGISTER, STRONG_PASSWORD, assert_problem
from apps.accounts.tests.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db(transaction=False)


def test_login_with_the_mixed_case_address_used_at_registration(api_client, settings):
    settings.ACCOUNTS_REQUIRE_EMAIL_VERIFICATION = False
    address = "Mixed.Case@Example.COM"
    assert api_client.post(REGISTER, {"email": address, "password": STRONG_PASSWORD}).status_code == 201

    response = api_client.post(LOGIN, {"email": address, "password": STRONG_PASSWORD})

    assert response.status_code == 200, response.content
    assert response.json()["user"]["email"] == "mixed.case@example.com"


@pytest.mark.parametrize("typed", ["ADA@EXAMPLE.COM", "Ada@Example.com", "  ada@example.com "])
def test_login_ignores_case_and_surrounding_spaces(api_client, typed):
    UserFactory(email="ada@example.com")

    assert api_client.post(LOGIN, {"email": typed, "password": DEFAULT_PASSWORD}).status_code == 200


def test_failed_logins_count_every_spelling_of_an_address_as_one(api_client):
    user = UserFactory(email="ada@example.com")
    spellings = ["ada@example.com", "ADA@example.com", "Ada@Example.com", "ada@EXAMPLE.COM", "aDa@example.com"]
    assert len(spellings) == settings.ACCOUNTS_LOGIN_FAILURE_LIMIT
    for spelling in spellings:
        api_client.post(LOGIN, {"email": spelling, "password": "wrong-password"})

    assert_problem(api_client.post(LOGIN, {"email": "ADA@EXAMPLE.COM", "password": DEFAULT_PASSWORD}), 429, "throttled")
    assert_problem(api_client.post(LOGIN, {"email": user.email, "password": DEFAULT_PASSWORD}), 429, "throttled")
