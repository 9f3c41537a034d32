"""The security notices: sent through the queue, in the owner's language, with a link to the account page."""

import pytest
from django.core import mail

from apps.accounts.tests.factories import UserFactory
from apps.mfa import tasks
from config.celery import TASK_QUEUES

pytestmark = pytest.mark.django_db

NOTICES = [
    (tasks.send_mfa_enabled_email, (), "Two-factor authentication is on", "Die Zwei-Faktor-Authentifizierung ist an"),
    (
        tasks.send_mfa_disabled_email,
        (),
        "Two-factor authentication is off",
        "Die Zwei-Faktor-Authentifizierung ist aus",
    ),
    (
        tasks.send_passkey_added_email,
        ("Phone",),
        "A passkey was added to your account",
        "Deinem Konto wurde ein Passkey hinzugefügt",
    ),
    (
        tasks.send_recovery_code_used_email,
        (),
        "A recovery code was used to sign in",
        "Ein Wiederherstellungscode wurde zur Anmeldung benutzt",
    ),
]


@pytest.mark.parametrize(("task", "args", "english", "german"), NOTICES, ids=lambda v: getattr(v, "name", None))
def test_each_notice_in_the_users_language(task, args, english, german, settings):
    task.delay(UserFactory(language="en").pk, *args)

    assert mail.outbox[0].subject == english
    assert TASK_QUEUES[task.name] == "emails"
    # [copier] if lang_de
    german_user = UserFactory(language="de")
    task.delay(german_user.pk, *args)
    assert (mail.outbox[1].to, mail.outbox[1].subject) == ([german_user.email], german)
    assert f"{settings.FRONTEND_URL}/de/account" in mail.outbox[1].body
    # [copier] end


def test_the_passkey_name_is_in_the_notice_and_not_escaped_in_plain_text():
    user = UserFactory()

    tasks.send_passkey_added_email.delay(user.pk, "Ann's <key>")

    assert "“Ann's <key>”" in mail.outbox[0].body


def test_no_notice_for_a_deactivated_account():
    user = UserFactory(is_active=False)

    tasks.send_mfa_disabled_email.delay(user.pk)

    assert mail.outbox == []
