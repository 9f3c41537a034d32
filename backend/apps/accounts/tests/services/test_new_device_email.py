"""A sign-in from a device none of the account's sessions came from emails the owner."""

import pytest
from django.utils import timezone

from apps.accounts import tasks
from apps.accounts.models import UserSession
from apps.accounts.services.sessions import session_start
from apps.accounts.tests.apis.auth import login
from apps.accounts.tests.factories import FIREFOX_ON_LINUX, UserFactory
from apps.common.auth import ClientInfo

pytestmark = pytest.mark.django_db

CHROME_ON_WINDOWS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
)
HOME = ClientInfo(ip="192.0.2.10", user_agent=FIREFOX_ON_LINUX)


@pytest.fixture
def sign_in(django_capture_on_commit_callbacks):
    def sign_in(user, client=HOME):
        with django_capture_on_commit_callbacks(execute=True):
            session_start(user=user, client=client)

    return sign_in


@pytest.fixture
def returning_user():
    """An account that signed in before, from HOME."""
    user = UserFactory(last_login=timezone.now())
    UserSession.objects.create(user=user, device="Firefox on Linux", network="192.0.2.0/24", ip="192.0.2.10")
    return user


def test_the_first_sign_in_of_an_account_sends_nothing(sign_in, mailoutbox):
    sign_in(UserFactory(), ClientInfo(ip="203.0.113.5", user_agent=CHROME_ON_WINDOWS))
    assert mailoutbox == []


def test_a_new_device_is_announced_once(returning_user, sign_in, mailoutbox):
    laptop = ClientInfo(ip="203.0.113.5", user_agent=CHROME_ON_WINDOWS)

    sign_in(returning_user, laptop)
    sign_in(returning_user, laptop)

    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == [returning_user.email]
    assert message.subject == "A new sign-in to your account"
    assert "Chrome on Windows" in message.body
    assert "203.0.113.5" in message.body
    assert "/account" in message.body


def test_a_known_device_on_a_new_address_of_its_network_sends_nothing(returning_user, sign_in, mailoutbox):
    sign_in(returning_user, ClientInfo(ip="192.0.2.77", user_agent=FIREFOX_ON_LINUX))
    assert mailoutbox == []


def test_a_known_browser_on_another_network_is_a_new_device(returning_user, sign_in, mailoutbox):
    sign_in(returning_user, ClientInfo(ip="198.51.100.3", user_agent=FIREFOX_ON_LINUX))
    assert len(mailoutbox) == 1


def test_an_ended_session_still_makes_its_device_known(returning_user, sign_in, mailoutbox):
    UserSession.objects.filter(user=returning_user).update(ended_at=timezone.now())
    sign_in(returning_user)
    assert mailoutbox == []


def test_another_users_device_is_not_known_to_this_one(sign_in, mailoutbox):
    other = UserFactory(last_login=timezone.now())
    UserSession.objects.create(user=other, device="Chrome on Windows", network="203.0.113.0/24")
    user = UserFactory(last_login=timezone.now())

    sign_in(user, ClientInfo(ip="203.0.113.5", user_agent=CHROME_ON_WINDOWS))

    assert [message.to for message in mailoutbox] == [[user.email]]


def test_the_setting_switches_the_email_off(returning_user, sign_in, mailoutbox, settings):
    settings.AUTH_NEW_DEVICE_EMAIL = False
    sign_in(returning_user, ClientInfo(ip="203.0.113.5", user_agent=CHROME_ON_WINDOWS))
    assert mailoutbox == []


# [copier] if lang_de
def test_the_email_is_in_the_users_language(sign_in, mailoutbox):
    user = UserFactory(last_login=timezone.now(), language="de")
    sign_in(user, ClientInfo(ip="203.0.113.5", user_agent=CHROME_ON_WINDOWS))
    assert mailoutbox[0].subject == "Eine neue Anmeldung bei deinem Konto"
    assert "/de/account" in mailoutbox[0].body
    # [copier] end


def test_a_password_login_from_a_new_device_sends_it(
    returning_user, api_client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        login(api_client, returning_user)

    assert len(mailoutbox) == 1  # the test client: 127.0.0.1, no user agent, a device never seen


def test_nothing_is_sent_for_an_account_deactivated_before_the_worker_ran(mailoutbox):
    session = UserSession.objects.create(user=UserFactory(is_active=False), device="Chrome on Windows")
    tasks.send_new_device_email.apply(args=(str(session.pk),))
    assert mailoutbox == []


def test_after_the_first_sign_in_a_second_device_is_announced(sign_in, mailoutbox):
    user = UserFactory()
    sign_in(user)
    sign_in(user, ClientInfo(ip="203.0.113.5", user_agent=CHROME_ON_WINDOWS))
    assert len(mailoutbox) == 1
