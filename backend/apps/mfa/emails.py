"""Emails about second factors: each says what changed and links to the account page to check."""

from django.conf import settings

from apps.accounts.models import User
from apps.common.emails import email_send, frontend_link


def notice_send(*, user: User, template: str, **context: str) -> None:
    email_send(
        to=user.email,
        template=f"mfa/email/{template}",
        context={
            "user": user,
            "frontend_url": settings.FRONTEND_URL,
            "link": frontend_link("/account", language=user.language),
            **context,
        },
        language=user.language,
    )
