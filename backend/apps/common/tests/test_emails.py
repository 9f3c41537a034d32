from django.core import mail

from apps.accounts.tests.factories import UserFactory
from apps.common.emails import email_send


def test_plain_text_parts_are_not_html_escaped_and_the_html_part_is():
    user = UserFactory.build(first_name="O'Brien & Co")
    link = "https://app.example.com/reset-password?uid=MQ&token=abc-123"

    email_send(to="someone@example.com", template="accounts/email/password_reset", context={"user": user, "link": link})

    message = mail.outbox[0]
    assert link in message.body
    assert "Hello O'Brien & Co," in message.body
    html = message.alternatives[0][0]
    assert "uid=MQ&amp;token=abc-123" in html
    assert "O&#x27;Brien &amp; Co" in html
