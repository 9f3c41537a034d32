"""The account emails. Links point at the frontend, which calls the API."""

from urllib.parse import urlencode

from django.conf import settings

from apps.accounts.models import User
from apps.accounts.tokens import email_verification_token_make, password_reset_token_make, password_reset_uid_make
from apps.common.emails import email_send


def _frontend_link(path: str, **query: str) -> str:
    return f"{settings.FRONTEND_URL}{path}?{urlencode(query)}"


def _send(*, user: User, template: str, **context: str) -> None:
    email_send(
        to=user.email,
        template=f"accounts/email/{template}",
        context={"user": user, "frontend_url": settings.FRONTEND_URL, **context},
        language=user.language,
    )


def verification_email_send(*, user: User) -> None:
    link = _frontend_link("/verify-email", token=email_verification_token_make(user=user))
    _send(user=user, template="verification", link=link)


def password_reset_email_send(*, user: User) -> None:
    link = _frontend_link(
        "/reset-password", uid=password_reset_uid_make(user=user), token=password_reset_token_make(user=user)
    )
    _send(user=user, template="password_reset", link=link)


def welcome_email_send(*, user: User) -> None:
    _send(user=user, template="welcome", link=settings.FRONTEND_URL)


def registration_attempt_email_send(*, user: User) -> None:
    _send(user=user, template="registration_attempt", link=_frontend_link("/forgot-password", email=user.email))


def login_paused_email_send(*, user: User) -> None:
    _send(user=user, template="login_paused", link=_frontend_link("/forgot-password", email=user.email))
