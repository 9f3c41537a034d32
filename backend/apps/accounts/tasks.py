"""Account tasks: load the user and send an email, or housekeeping for beat.

The user is loaded by id, or by address where the request must not look it up (docs/auth.md).

Retries of transient failures, with backoff, then dead-lettering: apps.jobs.base.ReliableTask.
Queues: config/celery.py.
"""

from celery import shared_task

from apps.accounts import emails
from apps.accounts.models import User, UserSession
from apps.accounts.selectors import user_find_by_email
from apps.accounts.services.housekeeping import sessions_stale_purge, tokens_expired_purge, users_unverified_delete
from apps.jobs.base import TRANSIENT_EMAIL_ERRORS, ReliableTask

EMAIL_TASK_OPTIONS = {"base": ReliableTask, "autoretry_for": TRANSIENT_EMAIL_ERRORS}


def _active_user(user_id: int) -> User | None:
    return User.objects.filter(pk=user_id, is_active=True).first()


def _active_user_by_email(email: str) -> User | None:
    # For tasks enqueued for any address, known or not, so that the request does the same work
    # either way and its timing does not tell whether the address has an account (docs/auth.md).
    user = user_find_by_email(email=email)
    return user if user is not None and user.is_active else None


@shared_task(**EMAIL_TASK_OPTIONS)
def send_verification_email(user_id: int) -> None:
    user = _active_user(user_id)
    if user is not None and not user.is_email_verified:
        emails.verification_email_send(user=user)


@shared_task(**EMAIL_TASK_OPTIONS)
def resend_verification_email(email: str) -> None:
    user = _active_user_by_email(email)
    if user is not None and not user.is_email_verified:
        emails.verification_email_send(user=user)


@shared_task(**EMAIL_TASK_OPTIONS)
def send_password_reset_email(email: str) -> None:
    user = _active_user_by_email(email)
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


@shared_task(**EMAIL_TASK_OPTIONS)
def send_login_paused_email(email: str) -> None:
    user = _active_user_by_email(email)
    if user is not None:
        emails.login_paused_email_send(user=user)


@shared_task(**EMAIL_TASK_OPTIONS)
def send_new_device_email(session_id: str) -> None:
    session = UserSession.objects.select_related("user").filter(pk=session_id, user__is_active=True).first()
    if session is not None:
        emails.new_device_email_send(session=session)


@shared_task(**EMAIL_TASK_OPTIONS)
def send_email_change_confirmation(user_id: int, new_email: str) -> None:
    """The link to the new address, or, when another account has it, a word to that account's owner."""
    user = _active_user(user_id)
    if user is None:
        return
    owner = user_find_by_email(email=new_email)
    if owner is None:
        emails.email_change_confirmation_send(user=user, new_email=new_email)
    elif owner.pk != user.pk and owner.is_active:
        emails.email_change_taken_send(owner=owner)


@shared_task(**EMAIL_TASK_OPTIONS)
def send_email_change_notice(user_id: int, new_email: str) -> None:
    user = _active_user(user_id)
    if user is not None:
        emails.email_change_notice_send(user=user, new_email=new_email)


@shared_task(base=ReliableTask)
def purge_expired_tokens() -> int:
    """Beat, daily: expired refresh tokens, and sessions past their history (AUTH_SESSION_HISTORY)."""
    return tokens_expired_purge() + sessions_stale_purge()


@shared_task(base=ReliableTask)
def delete_unverified_accounts() -> int:
    """Beat, daily."""
    return users_unverified_delete()
