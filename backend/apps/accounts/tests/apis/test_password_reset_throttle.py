"""Asking for reset links and using one are counted apart, each limited."""

import pytest

from apps.accounts.tests.apis.auth import RESET, RESET_CONFIRM, STRONG_PASSWORD, assert_problem
from apps.accounts.tokens import password_reset_token_make, password_reset_uid_make

pytestmark = pytest.mark.django_db(transaction=False)


def test_requesting_five_links_does_not_block_using_one(api_client, user):
    for _ in range(5):
        assert api_client.post(RESET, {"email": user.email}).status_code == 202
    assert_problem(api_client.post(RESET, {"email": user.email}), 429, "throttled")
    user.refresh_from_db()
    payload = {"uid": password_reset_uid_make(user=user), "token": password_reset_token_make(user=user)}

    response = api_client.post(RESET_CONFIRM, {**payload, "newPassword": STRONG_PASSWORD})

    assert response.status_code == 204, response.content


def test_guessing_reset_tokens_is_rate_limited_and_leaves_link_requests_alone(api_client, user):
    uid = password_reset_uid_make(user=user)
    for attempt in range(5):
        guess = {"uid": uid, "token": f"guess-{attempt}", "newPassword": STRONG_PASSWORD}
        assert_problem(api_client.post(RESET_CONFIRM, guess), 400, "invalid_token")

    blocked = api_client.post(RESET_CONFIRM, {"uid": uid, "token": "guess-6", "newPassword": STRONG_PASSWORD})

    assert_problem(blocked, 429, "throttled")
    assert int(blocked["Retry-After"]) > 0
    assert api_client.post(RESET, {"email": user.email}).status_code == 202


def test_password_reset_is_rate_limited(api_client):
    for _ in range(5):
        api_client.post(RESET, {"email": "someone@example.com"})

    response = api_client.post(RESET, {"email": "someone@example.com"})

    assert_problem(response, 429, "throttled")
    assert int(response["Retry-After"]) > 0
