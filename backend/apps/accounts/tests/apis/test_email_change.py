"""The email change API: the request while signed in, the confirmation from the emailed link."""

import re
from urllib.parse import unquote

import pytest
from django.urls import reverse

from apps.accounts.tests.apis.auth import COOKIE, REFRESH, assert_problem, login
from apps.accounts.tests.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

CHANGE_EMAIL = reverse("api:users:email-change")
CONFIRM = reverse("api:auth:email-change-confirm")


@pytest.fixture
def signed_in(api_client, user):
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {login(api_client, user).json()['access']}")
    return api_client


def test_the_request_needs_authentication(api_client):
    assert_problem(
        api_client.post(CHANGE_EMAIL, {"newEmail": "a@example.org", "password": "x"}), 401, "not_authenticated"
    )


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"newEmail": "not-an-address", "password": DEFAULT_PASSWORD}, "newEmail"),
        ({"newEmail": "x@☃.net", "password": DEFAULT_PASSWORD}, "newEmail"),
        ({"newEmail": f"{'a' * 250}@example.org", "password": DEFAULT_PASSWORD}, "newEmail"),
        ({"newEmail": "a@example.org"}, "password"),
        ({"newEmail": "a@example.org", "password": "wrong"}, "password"),
    ],
)
def test_bad_input_is_a_400_naming_the_field(signed_in, body, field):
    body = assert_problem(signed_in.post(CHANGE_EMAIL, body), 400, "validation_error")

    assert {error["field"] for error in body["errors"]} == {field}


def test_the_answer_is_the_same_whether_the_address_is_taken_or_not(signed_in, django_capture_on_commit_callbacks):
    UserFactory(email="taken@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        free = signed_in.post(CHANGE_EMAIL, {"newEmail": "free@example.org", "password": DEFAULT_PASSWORD})
        taken = signed_in.post(CHANGE_EMAIL, {"newEmail": "taken@example.org", "password": DEFAULT_PASSWORD})

    assert free.status_code == taken.status_code == 202
    assert free.json() == taken.json()


def test_an_account_without_a_password_is_told_to_set_one(auth_client, user):
    user.set_unusable_password()
    user.save()

    assert_problem(
        auth_client.post(CHANGE_EMAIL, {"newEmail": "a@example.org", "password": ""}), 400, "password_required"
    )


def test_following_the_link_changes_the_address_and_signs_out_everywhere(
    signed_in, user, mailoutbox, django_capture_on_commit_callbacks
):
    other_device = signed_in.__class__()
    login(other_device, user)
    with django_capture_on_commit_callbacks(execute=True):
        signed_in.post(CHANGE_EMAIL, {"newEmail": "moved@example.org", "password": DEFAULT_PASSWORD})
    link_mail = next(message for message in mailoutbox if message.to == ["moved@example.org"])
    token = unquote(re.search(r"token=(\S+)", link_mail.body).group(1))

    response = signed_in.post(CONFIRM, {"token": token})

    assert response.status_code == 204
    assert response.cookies[COOKIE].value == ""
    assert_problem(other_device.post(REFRESH), 401, "token_not_valid")
    assert login(signed_in.__class__(), UserFactory.build(email="moved@example.org")).status_code == 200
    assert_problem(signed_in.__class__().post(CONFIRM, {"token": token}), 400, "invalid_token")


@pytest.mark.parametrize("body", [{}, {"token": ""}, {"token": "x" * 2000}])
def test_a_missing_or_oversized_token_is_a_400(api_client, body):
    assert_problem(api_client.post(CONFIRM, body), 400, "validation_error")


def test_a_forged_token_is_a_400(api_client):
    assert_problem(api_client.post(CONFIRM, {"token": "forged"}), 400, "invalid_token")


def test_the_request_is_throttled_per_user(signed_in, settings):
    for _ in range(5):
        signed_in.post(CHANGE_EMAIL, {"newEmail": "a@example.org", "password": "wrong"})

    assert_problem(
        signed_in.post(CHANGE_EMAIL, {"newEmail": "a@example.org", "password": DEFAULT_PASSWORD}), 429, "throttled"
    )
