"""Changing the password while logged in: the current one is required, the other sessions end."""

import pytest

from apps.accounts.tests.apis.auth import CHANGE, REFRESH, STRONG_PASSWORD, assert_problem, login
from apps.accounts.tests.factories import DEFAULT_PASSWORD

pytestmark = pytest.mark.django_db(transaction=False)


def test_password_change_requires_the_current_password(api_client, user):
    access = login(api_client, user).json()["access"]
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {access}")

    response = api_client.post(CHANGE, {"currentPassword": "wrong", "newPassword": STRONG_PASSWORD})

    body = assert_problem(response, 400, "validation_error")
    assert body["errors"][0]["field"] == "currentPassword"


def test_password_change_keeps_this_session_and_ends_the_others(api_client, user):
    other_device = api_client.__class__()
    login(other_device, user)
    access = login(api_client, user).json()["access"]
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {access}")

    response = api_client.post(CHANGE, {"currentPassword": DEFAULT_PASSWORD, "newPassword": STRONG_PASSWORD})

    assert response.status_code == 204
    assert api_client.post(REFRESH).status_code == 200
    assert_problem(other_device.post(REFRESH), 401, "token_not_valid")


def test_password_change_needs_authentication(api_client):
    assert_problem(api_client.post(CHANGE, {"currentPassword": "x", "newPassword": "y"}), 401, "not_authenticated")
