"""Security notices about second factors, sent to the account's owner."""

from celery import shared_task

from apps.accounts.models import User
from apps.accounts.tasks import EMAIL_TASK_OPTIONS
from apps.mfa import emails


def _active_user(user_id: int) -> User | None:
    return User.objects.filter(pk=user_id, is_active=True).first()


@shared_task(**EMAIL_TASK_OPTIONS)
def send_mfa_enabled_email(user_id: int) -> None:
    if user := _active_user(user_id):
        emails.notice_send(user=user, template="mfa_enabled")


@shared_task(**EMAIL_TASK_OPTIONS)
def send_mfa_disabled_email(user_id: int) -> None:
    if user := _active_user(user_id):
        emails.notice_send(user=user, template="mfa_disabled")


@shared_task(**EMAIL_TASK_OPTIONS)
def send_passkey_added_email(user_id: int, name: str) -> None:
    if user := _active_user(user_id):
        emails.notice_send(user=user, template="passkey_added", passkey_name=name)


@shared_task(**EMAIL_TASK_OPTIONS)
def send_recovery_code_used_email(user_id: int) -> None:
    if user := _active_user(user_id):
        emails.notice_send(user=user, template="recovery_code_used")
