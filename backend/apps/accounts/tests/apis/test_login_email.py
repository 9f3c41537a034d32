"""Login finds an account whatever the case or surrounding spaces of the address typed."""

import pytest
from django.conf import settings

from apps.accounts.models import User
from apps.accounts.tests.apis.auth import LOGIN, REGISTER, STRONG_PASSWORD, assert_problem
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


@pytest.mark.parametrize("typed", ["bob@xn--bcher-kva.example", "Bob@BÜCHER.example", "bob@bu\u0308cher.example"])
def test_login_finds_an_internationalised_domain_in_any_of_its_forms(api_client, settings, typed):
    settings.ACCOUNTS_REQUIRE_EMAIL_VERIFICATION = False
    assert api_client.post(REGISTER, {"email": "bob@bücher.example", "password": STRONG_PASSWORD}).status_code == 201

    response = api_client.post(LOGIN, {"email": typed, "password": STRONG_PASSWORD})

    assert response.status_code == 200, response.content
    assert response.json()["user"]["email"] == "bob@xn--bcher-kva.example"


def test_the_ascii_form_of_a_registered_domain_is_a_taken_address(api_client):
    api_client.post(REGISTER, {"email": "bob@bücher.example", "password": STRONG_PASSWORD})

    response = api_client.post(REGISTER, {"email": "bob@xn--bcher-kva.example", "password": STRONG_PASSWORD})

    assert response.status_code == 201
    assert User.objects.count() == 1


def test_registering_a_domain_without_an_idna_2008_form_is_a_field_error(api_client):
    response = api_client.post(REGISTER, {"email": "snow@☃.net", "password": STRONG_PASSWORD})

    assert_problem(response, 400, "validation_error")
    assert [error["field"] for error in response.json()["errors"]] == ["email"]
    assert not User.objects.exists()
