"""Resetting a forgotten password by the emailed link."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.accounts.tests.apis.auth import REFRESH, RESET, RESET_CONFIRM, STRONG_PASSWORD, assert_problem, login
from apps.accounts.tests.factories import UserFactory
from apps.accounts.tokens import password_reset_token_make, password_reset_uid_make
from apps.jobs.models import OutboxMessage

pytestmark = pytest.mark.django_db(transaction=False)


def test_password_reset_always_answers_202_and_emails_only_real_accounts(
    api_client, user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        known = api_client.post(RESET, {"email": user.email})
        unknown = api_client.post(RESET, {"email": "ghost@example.com"})

    assert (known.status_code, unknown.status_code) == (202, 202)
    assert [message.to for message in mail.outbox] == [[user.email]]
    assert "/reset-password?uid=" in mail.outbox[0].body


def test_password_reset_does_the_same_work_for_known_and_unknown_addresses(api_client, user):
    # Issue 15, finding 5: a lookup in the request made a known address measurably slower.
    with CaptureQueriesContext(connection) as known:
        api_client.post(RESET, {"email": user.email})
    with CaptureQueriesContext(connection) as unknown:
        api_client.post(RESET, {"email": "ghost@example.com"})

    assert len(known) == len(unknown)
    assert [query["sql"].split()[0] for query in known] == [query["sql"].split()[0] for query in unknown]
    assert list(OutboxMessage.objects.order_by("created_at").values_list("task_name", "args")) == [
        ("apps.accounts.tasks.send_password_reset_email", [user.email]),
        ("apps.accounts.tasks.send_password_reset_email", ["ghost@example.com"]),
    ]


def test_password_reset_emails_nobody_for_an_inactive_account(api_client, django_capture_on_commit_callbacks):
    user = UserFactory(is_active=False)

    with django_capture_on_commit_callbacks(execute=True):
        assert api_client.post(RESET, {"email": user.email}).status_code == 202

    assert mail.outbox == []


def test_password_reset_confirm_sets_password_and_revokes_every_session(api_client, user):
    login(api_client, user)
    user.refresh_from_db()  # the emailed token is made from the stored row
    payload = {"uid": password_reset_uid_make(user=user), "token": password_reset_token_make(user=user)}

    response = api_client.post(RESET_CONFIRM, {**payload, "newPassword": STRONG_PASSWORD})
    reused = api_client.post(RESET_CONFIRM, {**payload, "newPassword": "another-long-passphrase"})

    assert response.status_code == 204
    user.refresh_from_db()
    assert user.check_password(STRONG_PASSWORD)
    assert_problem(api_client.post(REFRESH), 401, "token_not_valid")
    assert_problem(reused, 400, "invalid_token")


def test_password_reset_confirm_verifies_the_email_address(api_client):
    user = UserFactory(is_email_verified=False)
    payload = {"uid": password_reset_uid_make(user=user), "token": password_reset_token_make(user=user)}

    api_client.post(RESET_CONFIRM, {**payload, "newPassword": STRONG_PASSWORD})

    user.refresh_from_db()
    assert user.is_email_verified


@pytest.mark.parametrize("uid", ["", "!!!", "MTIzNDU2Nzg5"])
def test_password_reset_confirm_rejects_bad_uid(api_client, user, uid):
    payload = {"uid": uid or "x", "token": password_reset_token_make(user=user), "newPassword": STRONG_PASSWORD}

    assert_problem(api_client.post(RESET_CONFIRM, payload), 400, "invalid_token")


def test_password_reset_confirm_rejects_weak_password_on_the_field(api_client, user):
    payload = {"uid": password_reset_uid_make(user=user), "token": password_reset_token_make(user=user)}

    body = assert_problem(
        api_client.post(RESET_CONFIRM, {**payload, "newPassword": "password"}), 400, "validation_error"
    )
    assert {error["field"] for error in body["errors"]} == {"newPassword"}
