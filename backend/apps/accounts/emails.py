"""The account emails. Links point at the frontend, which calls the API."""

from typing import Any

from django.conf import settings

from apps.accounts.models import User, UserSession
from apps.accounts.tokens import (
    email_change_token_make,
    email_verification_token_make,
    password_reset_token_make,
    password_reset_uid_make,
)
from apps.common.emails import email_send, frontend_link


def _send(*, user: User, template: str, to: str | None = None, **context: Any) -> None:
    email_send(
        to=to or user.email,
        template=f"accounts/email/{template}",
        context={"user": user, "frontend_url": settings.FRONTEND_URL, **context},
        language=user.language,
    )


def verification_email_send(*, user: User) -> None:
    link = frontend_link("/verify-email", language=user.language, token=email_verification_token_make(user=user))
    _send(user=user, template="verification", link=link)


def password_reset_email_send(*, user: User) -> None:
    link = frontend_link(
        "/reset-password",
        language=user.language,
        uid=password_reset_uid_make(user=user),
        token=password_reset_token_make(user=user),
    )
    _send(user=user, template="password_reset", link=link)


def welcome_email_send(*, user: User) -> None:
    _send(user=user, template="welcome", link=frontend_link("/", language=user.language))


def registration_attempt_email_send(*, user: User) -> None:
    _send(
        user=user,
        template="registration_attempt",
        link=frontend_link("/forgot-password", language=user.language, email=user.email),
    )


def login_paused_email_send(*, user: User) -> None:
    _send(
        user=user,
        template="login_paused",
        link=frontend_link("/forgot-password", language=user.language, email=user.email),
    )


def new_device_email_send(*, session: UserSession) -> None:
    _send(
        user=session.user,
        template="new_device",
        device=session.device,
        ip=session.ip or "",
        location=session.location,
        when=session.created_at,
        link=frontend_link("/account", language=session.user.language),
    )


def email_change_confirmation_send(*, user: User, new_email: str) -> None:
    """To the new address: the link that moves the account there."""
    link = frontend_link(
        "/confirm-email-change",
        language=user.language,
        token=email_change_token_make(user=user, new_email=new_email),
    )
    _send(user=user, template="email_change_confirmation", to=new_email, link=link, new_email=new_email)


def email_change_notice_send(*, user: User, new_email: str) -> None:
    """To the current address: who did not ask can stop the change by changing the password."""
    link = frontend_link("/forgot-password", language=user.language, email=user.email)
    _send(user=user, template="email_change_notice", link=link, new_email=new_email)


def email_change_taken_send(*, owner: User) -> None:
    """To the owner of an address another account asked to move to: it stays theirs."""
    _send(user=owner, template="email_change_taken", link=frontend_link("/login", language=owner.language))
