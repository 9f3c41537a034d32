"""Passwords: reset through an emailed link, and change while signed in."""

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from apps.accounts import tasks
from apps.accounts.models import User
from apps.accounts.services.login_failures import login_failures_reset
from apps.accounts.services.sessions import SessionTokens, session_start, user_sessions_revoke
from apps.accounts.tokens import password_reset_user_find
from apps.common.auth import ClientInfo
from apps.common.exceptions import ApplicationError
from apps.jobs.services import enqueue_on_commit


def password_reset_request(*, email: str) -> None:
    """Asks the worker to email a reset link to the account with this address, if there is one.

    No lookup here: the request does the same work whether the address has an account or not,
    so its timing does not tell (the worker looks it up and sends, or does nothing).
    """
    enqueue_on_commit(tasks.send_password_reset_email, email)


@transaction.atomic
def password_reset_confirm(*, uid: str, token: str, new_password: str) -> User:
    user = password_reset_user_find(uid=uid, token=token)
    if user is None:
        raise ApplicationError(
            code="invalid_token", detail=_("This reset link is invalid or has expired. Ask for a new one.")
        )
    _password_set(user=user, new_password=new_password, field="new_password")
    if not user.is_email_verified:
        # Following the emailed link proved the address as well.
        user.is_email_verified = True
        user.save(update_fields=["is_email_verified"])
    # Whoever held a session before the reset may be the reason for it.
    user_sessions_revoke(user_id=user.pk)
    # The owner proved control of the mailbox: a pause of password login for the account ends.
    login_failures_reset(email=user.email)
    return user


@transaction.atomic
def password_change(*, user: User, client: ClientInfo, current_password: str, new_password: str) -> SessionTokens:
    """Changes the password, ends every other session and returns a fresh one for this client."""
    if not user.check_password(current_password):
        raise ValidationError(
            {"current_password": ValidationError(_("The current password is wrong."), code="invalid")}
        )
    _password_set(user=user, new_password=new_password, field="new_password")
    user_sessions_revoke(user_id=user.pk)
    return session_start(user=user, client=client)


def _password_set(*, user: User, new_password: str, field: str) -> None:
    try:
        validate_password(new_password, user=user)
    except ValidationError as error:
        raise ValidationError({field: error.error_list}) from None
    user.set_password(new_password)
    user.save(update_fields=["password"])
