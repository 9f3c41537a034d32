"""Email tasks: load the user by id, send, retry transient failures with backoff."""

from smtplib import SMTPException

from celery import shared_task

from apps.accounts import emails
from apps.accounts.models import User

TRANSIENT_EMAIL_ERRORS = (SMTPException, ConnectionError, TimeoutError)
EMAIL_TASK_OPTIONS = {
    "autoretry_for": TRANSIENT_EMAIL_ERRORS,
    "retry_backoff": 5,
    "retry_backoff_max": 600,
    "retry_jitter": True,
    "max_retries": 8,
}


def _active_user(user_id: int) -> User | None:
    return User.objects.filter(pk=user_id, is_active=True).first()


@shared_task(**EMAIL_TASK_OPTIONS)
def send_verification_email(user_id: int) -> None:
    user = _active_user(user_id)
    if user is not None and not user.is_email_verified:
        emails.verification_email_send(user=user)


@shared_task(**EMAIL_TASK_OPTIONS)
def send_password_reset_email(user_id: int) -> None:
    user = _active_user(user_id)
    if user is not None:
        emails.password_reset_email_send(user=user)


@shared_task(**EMAIL_TASK_OPTIONS)
def send_welcome_email(user_id: int) -> None:
    user = _active_user(user_id)
    if user is not None:
        emails.welcome_email_send(user=user)


@shared_task(**EMAIL_TASK_OPTIONS)
def send_registration_attempt_email(user_id: int) -> None:
    user = _active_user(user_id)
    if user is not None:
        emails.registration_attempt_email_send(user=user)
