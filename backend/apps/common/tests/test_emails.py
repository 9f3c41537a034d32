"""Templated emails: escaping of the parts, the recipient's language and the frontend's locale prefix."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from apps.accounts import emails as account_emails
from apps.accounts.tests.factories import UserFactory
from apps.common.emails import email_send, frontend_link
from apps.exports import emails as export_emails
from apps.exports.models import Export
from apps.exports.tests.factories import ExportFactory


def test_plain_text_parts_are_not_html_escaped_and_the_html_part_is():
    user = UserFactory.build(first_name="O'Brien & Co")
    link = "https://app.example.com/reset-password?uid=MQ&token=abc-123"

    email_send(
        to="someone@example.com",
        template="accounts/email/password_reset",
        context={"user": user, "link": link},
        language="en",
    )

    message = mail.outbox[0]
    assert link in message.body
    assert "Hello O'Brien & Co," in message.body
    html = message.alternatives[0][0]
    assert "uid=MQ&amp;token=abc-123" in html
    assert "O&#x27;Brien &amp; Co" in html


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "http://app.test/account"),
        # [copier] if lang_de
        ("de", "http://app.test/de/account"),
        # [copier] end
        # Not a language the frontend routes: the link must still open a page.
        ("fr", "http://app.test/account"),
    ],
)
def test_frontend_links_carry_the_locale_prefix_except_for_the_default_language(settings, language, expected):
    settings.FRONTEND_URL = "http://app.test"
    assert frontend_link("/account", language=language) == expected
    assert frontend_link("/", language=language) == expected.removesuffix("/account")


def _send_export_ready(*, user):
    export_emails.export_ready_email_send(
        export=ExportFactory(user=user, status=Export.Status.SUCCEEDED, expires_at=timezone.now() + timedelta(days=7))
    )


def _send_email_change_confirmation(*, user):
    account_emails.email_change_confirmation_send(user=user, new_email="new@example.org")


def _send_email_change_notice(*, user):
    account_emails.email_change_notice_send(user=user, new_email="new@example.org")


def _send_email_change_taken(*, user):
    account_emails.email_change_taken_send(owner=user)


# Each email: how to send it to a user, its subject in English and German, the page its link opens.
EMAILS = [
    pytest.param(
        account_emails.verification_email_send,
        "Confirm your email address",
        "Bestätige deine E-Mail-Adresse",
        "/verify-email?token=",
        id="verification",
    ),
    pytest.param(
        account_emails.password_reset_email_send,
        "Reset your password",
        "Setze dein Passwort zurück",
        "/reset-password?uid=",
        id="password_reset",
    ),
    pytest.param(account_emails.welcome_email_send, "Welcome aboard", "Willkommen an Bord", "", id="welcome"),
    pytest.param(
        account_emails.registration_attempt_email_send,
        "Someone tried to sign up with your email address",
        "Jemand wollte sich mit deiner E-Mail-Adresse registrieren",
        "/forgot-password?email=",
        id="registration_attempt",
    ),
    pytest.param(
        _send_export_ready,
        "Your data export is ready",
        "Dein Datenexport ist fertig",
        "/account",
        id="export_ready",
    ),
    pytest.param(
        _send_email_change_confirmation,
        "Confirm your new email address",
        "Bestätige deine neue E-Mail-Adresse",
        "/confirm-email-change?token=",
        id="email_change_confirmation",
    ),
    pytest.param(
        _send_email_change_notice,
        "A change of your email address was requested",
        "Eine Änderung deiner E-Mail-Adresse wurde angefordert",
        "/forgot-password?email=",
        id="email_change_notice",
    ),
    pytest.param(
        _send_email_change_taken,
        "Your email address stays with your account",
        "Deine E-Mail-Adresse bleibt bei deinem Konto",
        "/login",
        id="email_change_taken",
    ),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("send", "english_subject", "german_subject", "path"), EMAILS)
@pytest.mark.parametrize(
    "language",
    [
        "en",
        # [copier] if lang_de
        "de",
        # [copier] end
    ],
)
def test_each_email_is_written_in_the_recipients_language_and_links_to_their_locale(
    settings, send, english_subject, german_subject, path, language
):
    settings.FRONTEND_URL = "http://app.test"
    user = UserFactory(first_name="Ada", language=language)

    send(user=user)

    message = mail.outbox[-1]
    html = message.alternatives[0][0]
    greeting = {"en": "Hello Ada,", "de": "Hallo Ada,"}[language]
    prefix = {"en": "", "de": "/de"}[language]
    assert message.subject == {"en": english_subject, "de": german_subject}[language]
    assert greeting in message.body
    assert greeting in html
    assert f'<html lang="{language}">' in html
    assert f"http://app.test{prefix}{path}" in message.body
    if language == "de":
        assert "Du erhältst diese E-Mail" in html
