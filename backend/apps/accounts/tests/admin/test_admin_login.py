"""The admin login goes through the API login's failed-login guard (issue 15, finding 1)."""

import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from apps.accounts.tests.apis.auth import LOGIN, assert_problem
from apps.accounts.tests.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

ADMIN_LOGIN = reverse("admin:login")


@pytest.fixture
def staff():
    return UserFactory(is_staff=True)


def _admin_login(client: Client, email: str, password: str):
    return client.post(ADMIN_LOGIN, {"username": email, "password": password, "next": reverse("admin:index")})


def test_admin_login_with_the_right_password_signs_in(staff):
    client = Client()

    response = _admin_login(client, staff.email, DEFAULT_PASSWORD)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(staff.pk)


def test_admin_login_refuses_even_the_right_password_after_five_wrong_ones(staff):
    client = Client()
    for _ in range(settings.ACCOUNTS_LOGIN_FAILURE_LIMIT):
        wrong = _admin_login(client, staff.email, "wrong-password")
        assert wrong.status_code == 200

    blocked = _admin_login(client, staff.email, DEFAULT_PASSWORD)

    assert blocked.status_code == 200  # the login form again, with the reason
    assert "_auth_user_id" not in client.session
    # The window is fixed (15 minutes on the clock), so the wait is whatever is left of it.
    assert re.search(r"Too many failed logins\. Try again in ([1-9]|1[0-5]) minutes?\.", blocked.content.decode())


def test_admin_and_api_failures_count_against_one_limit(staff, api_client):
    client = Client()
    for _ in range(settings.ACCOUNTS_LOGIN_FAILURE_LIMIT):
        _admin_login(client, staff.email, "wrong-password")

    assert_problem(api_client.post(LOGIN, {"email": staff.email, "password": DEFAULT_PASSWORD}), 429, "throttled")


def test_a_staff_password_for_a_non_staff_account_is_refused_without_counting(user):
    client = Client()

    response = _admin_login(client, user.email, DEFAULT_PASSWORD)

    assert response.status_code == 200
    assert "for a staff account" in response.content.decode()
    assert "_auth_user_id" not in client.session
