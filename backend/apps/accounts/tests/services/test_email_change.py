"""Changing the email address: the request, the emails it sends, and the confirmation."""

import re
from datetime import timedelta
from urllib.parse import unquote

import pytest
from django.core.exceptions import ValidationError
from rest_framework_simplejwt.token_blacklist.models import OutstandingToken

from apps.accounts.models import User, UserSession
from apps.accounts.services.email_change import email_change_confirm, email_change_request
from apps.accounts.services.sessions import session_start
from apps.accounts.tests.factories import DEFAULT_PASSWORD, FIREFOX_ON_LINUX, UserFactory
from apps.common.auth import ClientInfo
from apps.common.exceptions import ApplicationError

pytestmark = pytest.mark.django_db


# The word to the owner of a taken address, in each language the site offers.
STAYS_WITH_YOUR_ACCOUNT = {
    # [copier] if lang_en
    "en": "Your email address stays with your account",
    # [copier] end
    # [copier] if lang_de
    "de": "Deine E-Mail-Adresse bleibt bei deinem Konto",
    # [copier] end
}


def _request(user, new_email, capture, password=DEFAULT_PASSWORD):
    with capture(execute=True):
        email_change_request(user=user, new_email=new_email, password=password)


def _token_from(message) -> str:
    return unquote(re.search(r"token=(\S+)", message.body).group(1))


def test_the_new_address_gets_the_link_and_the_old_one_a_notice(
    user, mailoutbox, django_capture_on_commit_callbacks, settings
):
    old = user.email
    _request(user, "  New.Person@EXAMPLE.org ", django_capture_on_commit_callbacks)

    by_recipient = {message.to[0]: message for message in mailoutbox}
    assert set(by_recipient) == {"new.person@example.org", old}
    assert f"{settings.FRONTEND_URL}/confirm-email-change?token=" in by_recipient["new.person@example.org"].body
    notice = by_recipient[old]
    assert "new.person@example.org" in notice.body
    assert "/forgot-password?email=" in notice.body
    # Nothing changes before the link is followed.
    user.refresh_from_db()
    assert user.email == old


# [copier] if lang_de
def test_the_emails_speak_the_users_language(mailoutbox, django_capture_on_commit_callbacks, settings):
    user = UserFactory(language="de")

    _request(user, "neu@example.org", django_capture_on_commit_callbacks)

    link_mail = next(message for message in mailoutbox if message.to == ["neu@example.org"])
    notice = next(message for message in mailoutbox if message.to == [user.email])
    assert link_mail.subject == "Bestätige deine neue E-Mail-Adresse"
    assert f"{settings.FRONTEND_URL}/de/confirm-email-change?token=" in link_mail.body
    assert notice.subject == "Eine Änderung deiner E-Mail-Adresse wurde angefordert"
    assert f"{settings.FRONTEND_URL}/de/forgot-password" in notice.body
    # [copier] end


def test_a_taken_address_gets_no_link_but_its_owner_a_word(
    user, mailoutbox, django_capture_on_commit_callbacks, settings
):
    owner = UserFactory(email="taken@example.org", language=settings.LANGUAGES[-1][0])

    _request(user, "Taken@example.org", django_capture_on_commit_callbacks)

    assert sorted(message.to[0] for message in mailoutbox) == sorted([owner.email, user.email])
    to_owner = next(message for message in mailoutbox if message.to == [owner.email])
    assert "token=" not in to_owner.body
    assert to_owner.subject == STAYS_WITH_YOUR_ACCOUNT[owner.language]


def test_the_request_needs_the_current_password(user, mailoutbox):
    with pytest.raises(ValidationError) as error:
        email_change_request(user=user, new_email="new@example.org", password="wrong")

    assert error.value.message_dict == {"password": ["The password is wrong."]}
    assert mailoutbox == []


def test_an_account_without_a_password_sets_one_first(user):
    user.set_unusable_password()
    user.save()

    with pytest.raises(ApplicationError) as error:
        email_change_request(user=user, new_email="new@example.org", password="")

    assert error.value.code == "password_required"


def test_the_current_address_in_any_spelling_is_refused(user):
    with pytest.raises(ValidationError) as error:
        email_change_request(user=user, new_email=user.email.upper(), password=DEFAULT_PASSWORD)

    assert error.value.error_dict["new_email"][0].code == "unchanged"


def _confirmation_token(user, new_email, mailoutbox, capture) -> str:
    _request(user, new_email, capture)
    return _token_from(next(message for message in mailoutbox if message.to == [new_email]))


def test_confirming_moves_the_account_verifies_it_and_ends_every_session(
    mailoutbox, django_capture_on_commit_callbacks
):
    user = UserFactory(is_email_verified=False)
    session_start(user=user, client=ClientInfo(ip="192.0.2.10", user_agent=FIREFOX_ON_LINUX))
    session_start(user=user, client=ClientInfo(ip="192.0.2.11", user_agent=FIREFOX_ON_LINUX))
    token = _confirmation_token(user, "moved@example.org", mailoutbox, django_capture_on_commit_callbacks)

    changed = email_change_confirm(token=token)

    changed.refresh_from_db()
    assert changed.email == "moved@example.org"
    assert changed.is_email_verified is True
    assert not OutstandingToken.objects.filter(user=changed).exists()
    assert not UserSession.objects.filter(user=changed, ended_at__isnull=True).exists()


def test_a_used_link_is_refused(user, mailoutbox, django_capture_on_commit_callbacks):
    token = _confirmation_token(user, "moved@example.org", mailoutbox, django_capture_on_commit_callbacks)
    email_change_confirm(token=token)

    with pytest.raises(ApplicationError) as error:
        email_change_confirm(token=token)

    assert error.value.code == "invalid_token"


def test_an_expired_link_is_refused(user, mailoutbox, django_capture_on_commit_callbacks, settings):
    token = _confirmation_token(user, "moved@example.org", mailoutbox, django_capture_on_commit_callbacks)
    settings.ACCOUNTS_EMAIL_CHANGE_MAX_AGE = timedelta(seconds=-1)

    with pytest.raises(ApplicationError) as error:
        email_change_confirm(token=token)

    assert error.value.code == "invalid_token"
    user.refresh_from_db()
    assert user.email != "moved@example.org"


@pytest.mark.parametrize("token", ["", "garbage", "a" * 300])
def test_a_forged_link_is_refused(token):
    with pytest.raises(ApplicationError) as error:
        email_change_confirm(token=token)

    assert error.value.code == "invalid_token"


def test_a_new_password_cancels_a_pending_change(user, mailoutbox, django_capture_on_commit_callbacks):
    token = _confirmation_token(user, "moved@example.org", mailoutbox, django_capture_on_commit_callbacks)
    user.set_password("another-long-passphrase")
    user.save()

    with pytest.raises(ApplicationError) as error:
        email_change_confirm(token=token)

    assert error.value.code == "invalid_token"


def test_an_address_taken_after_the_request_is_refused_with_409(user, mailoutbox, django_capture_on_commit_callbacks):
    token = _confirmation_token(user, "moved@example.org", mailoutbox, django_capture_on_commit_callbacks)
    UserFactory(email="moved@example.org")

    with pytest.raises(ApplicationError) as error:
        email_change_confirm(token=token)

    assert (error.value.code, error.value.status_code) == ("email_taken", 409)
    assert User.objects.get(pk=user.pk).email == user.email


def test_an_inactive_account_cannot_confirm(user, mailoutbox, django_capture_on_commit_callbacks):
    token = _confirmation_token(user, "moved@example.org", mailoutbox, django_capture_on_commit_callbacks)
    User.objects.filter(pk=user.pk).update(is_active=False)

    with pytest.raises(ApplicationError) as error:
        email_change_confirm(token=token)

    assert error.value.code == "invalid_token"
