"""Registering, verifying the address by the emailed link, and asking for the link again."""

import re
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from freezegun import freeze_time

from apps.accounts.models import User
from apps.accounts.tests.apis.auth import REGISTER, RESEND, STRONG_PASSWORD, VERIFY, assert_problem
from apps.accounts.tests.factories import UserFactory
from apps.jobs.models import OutboxMessage

pytestmark = pytest.mark.django_db(transaction=False)


def query_of_last_email_link(kind: str) -> dict[str, str]:
    match = re.search(rf"http://\S+/{kind}\?\S+", mail.outbox[-1].body)
    assert match, f"no {kind} link in: {mail.outbox[-1].body}"
    return {key: values[0] for key, values in parse_qs(urlsplit(match.group(0)).query).items()}


def test_register_creates_unverified_user_and_emails_a_verification_link(
    api_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = api_client.post(
            REGISTER, {"email": "New@Example.com", "password": STRONG_PASSWORD, "firstName": "Ada", "lastName": "L"}
        )

    assert response.status_code == 201
    user = User.objects.get(email="new@example.com")
    assert (user.first_name, user.is_email_verified) == ("Ada", False)
    assert user.check_password(STRONG_PASSWORD)
    assert mail.outbox[-1].to == ["new@example.com"]
    assert "/verify-email?token=" in mail.outbox[-1].body


# [copier] if lang_de
def test_register_from_the_german_site_sends_a_german_verification_link_to_the_german_pages(
    api_client, django_capture_on_commit_callbacks, settings
):
    # Issue 20, bug 4: the frontend sends its locale as Accept-Language; the email was English
    # and its link opened the English pages.
    settings.FRONTEND_URL = "http://app.test"
    with django_capture_on_commit_callbacks(execute=True):
        response = api_client.post(
            REGISTER,
            {"email": "neu@example.com", "password": STRONG_PASSWORD, "firstName": "Ada", "lastName": "L"},
            HTTP_ACCEPT_LANGUAGE="de",
        )

    assert response.status_code == 201
    assert User.objects.get(email="neu@example.com").language == "de"
    assert mail.outbox[-1].subject == "Bestätige deine E-Mail-Adresse"
    assert "http://app.test/de/verify-email?token=" in mail.outbox[-1].body
    # [copier] end


def test_register_with_taken_email_answers_the_same_and_warns_the_owner(
    api_client, user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = api_client.post(REGISTER, {"email": user.email.upper(), "password": STRONG_PASSWORD})

    assert response.status_code == 201
    assert User.objects.filter(email=user.email).count() == 1
    assert mail.outbox[-1].to == [user.email]
    assert "already has one" in mail.outbox[-1].body


def test_register_rejects_weak_password_with_field_error(api_client):
    response = api_client.post(REGISTER, {"email": "weak@example.com", "password": "123"})

    body = assert_problem(response, 400, "validation_error")
    fields = {error["field"] for error in body["errors"]}
    assert fields == {"password"}
    assert not User.objects.filter(email="weak@example.com").exists()


def test_register_rejects_weak_password_for_taken_email_too(api_client, user):
    response = api_client.post(REGISTER, {"email": user.email, "password": "123"})

    assert_problem(response, 400, "validation_error")


def test_register_reports_each_invalid_field_in_camel_case(api_client):
    response = api_client.post(REGISTER, {"email": "not-an-email", "password": STRONG_PASSWORD, "firstName": "x" * 151})

    body = assert_problem(response, 400, "validation_error")
    assert {error["field"] for error in body["errors"]} == {"email", "firstName"}


def test_verify_email_marks_the_user_verified_and_is_idempotent(api_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        api_client.post(REGISTER, {"email": "v@example.com", "password": STRONG_PASSWORD})
    token = query_of_last_email_link("verify-email")["token"]

    with django_capture_on_commit_callbacks(execute=True):
        first = api_client.post(VERIFY, {"token": token})
    second = api_client.post(VERIFY, {"token": token})

    assert (first.status_code, second.status_code) == (200, 200)
    assert User.objects.get(email="v@example.com").is_email_verified
    assert "ready" in mail.outbox[-1].body  # the welcome email


def test_verify_email_rejects_tampered_token(api_client):
    assert_problem(api_client.post(VERIFY, {"token": "garbage"}), 400, "invalid_token")


def test_verify_email_rejects_expired_token(api_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        api_client.post(REGISTER, {"email": "late@example.com", "password": STRONG_PASSWORD})
    token = query_of_last_email_link("verify-email")["token"]

    with freeze_time(timedelta(days=4)):
        assert_problem(api_client.post(VERIFY, {"token": token}), 400, "invalid_token")


def test_resend_verification_answers_202_for_any_address(api_client, django_capture_on_commit_callbacks):
    unverified = UserFactory(is_email_verified=False)
    with django_capture_on_commit_callbacks(execute=True):
        known = api_client.post(RESEND, {"email": unverified.email})
        unknown = api_client.post(RESEND, {"email": "nobody@example.com"})

    assert (known.status_code, unknown.status_code) == (202, 202)
    assert [message.to for message in mail.outbox] == [[unverified.email]]


def test_resend_verification_does_the_same_work_for_every_address(api_client):
    # The reason of issue 15, finding 5 (password reset) holds here too: no lookup in the request.
    unverified, verified = UserFactory(is_email_verified=False), UserFactory()
    statements = []
    for email in (unverified.email, verified.email, "nobody@example.com"):
        with CaptureQueriesContext(connection) as queries:
            api_client.post(RESEND, {"email": email})
        statements.append([query["sql"].split()[0] for query in queries])

    assert statements[0] == statements[1] == statements[2]
    assert OutboxMessage.objects.count() == 3
