"""Changing the email address: a confirmation link to the new address, a notice to the old one.

The request answers the same whether the new address is free or taken, and looks nothing up:
the worker does (``tasks.send_email_change_confirmation``), so neither the answer nor its timing
tells the requester whether someone else has an account with that address (docs/auth.md).
"""

from http import HTTPStatus

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from apps.accounts import tasks
from apps.accounts.models import User, email_normalize
from apps.accounts.services.sessions import user_sessions_revoke
from apps.accounts.tokens import email_change_token_matches, email_change_token_read
from apps.common.exceptions import ApplicationError
from apps.jobs.services import enqueue_on_commit


def email_change_request(*, user: User, new_email: str, password: str) -> None:
    """Emails a confirmation link to ``new_email`` and a notice to the current address.

    Needs the current password: a stolen access token alone must not move the account to an
    address whose owner can then reset the password. An account without a password (it signs in
    through GitHub or Google only) is refused: it sets one first through the emailed password reset,
    which proves the current mailbox (docs/auth.md#changing-the-email-address).
    """
    if not user.has_usable_password():
        raise ApplicationError(
            code="password_required",
            detail=_("Set a password first (through “Forgot password”), then change your email address."),
        )
    if not user.check_password(password):
        raise ValidationError({"password": ValidationError(_("The password is wrong."), code="invalid")})
    new_email = email_normalize(new_email)
    if new_email == user.email:
        raise ValidationError(
            {"new_email": ValidationError(_("This is already your email address."), code="unchanged")}
        )
    enqueue_on_commit(tasks.send_email_change_confirmation, user.pk, new_email)
    enqueue_on_commit(tasks.send_email_change_notice, user.pk, new_email)


def _invalid_link() -> ApplicationError:
    return ApplicationError(
        code="invalid_token",
        detail=_("This confirmation link is invalid, has expired or was already used. Change the address again."),
    )


def _address_taken() -> ApplicationError:
    return ApplicationError(
        code="email_taken",
        detail=_("Another account uses this address now, so yours cannot move to it."),
        status_code=HTTPStatus.CONFLICT,
    )


@transaction.atomic
def email_change_confirm(*, token: str) -> User:
    """Moves the account to the address the token was sent to and ends every session of it.

    Following the link proves the new mailbox, so the account is verified afterwards. Every
    session ends, this browser's included: the link may be opened anywhere, and a session kept
    for whoever opened it would make the link a way to log in. The user logs in again with the
    new address. A token is spent by its use (the current address it signs no longer matches),
    and dies with a new password.
    """
    payload = email_change_token_read(token=token)
    if payload is None:
        raise _invalid_link()
    # Locked: two confirmations of the same link, or of two links, change the address once.
    user = User.objects.select_for_update().filter(pk=payload["uid"], is_active=True).first()
    if user is None or not email_change_token_matches(user=user, payload=payload):
        raise _invalid_link()
    new_email = email_normalize(payload["new"])
    if User.objects.filter(email=new_email).exclude(pk=user.pk).exists():
        raise _address_taken()
    user.email = new_email
    user.is_email_verified = True
    try:
        with transaction.atomic():
            user.save(update_fields=["email", "is_email_verified"])
    except IntegrityError:
        # Someone registered the address between the check and the update.
        raise _address_taken() from None
    user_sessions_revoke(user_id=user.pk)
    return user
