"""The user's passkeys: register (several, named), rename, remove."""

from http import HTTPStatus
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from apps.accounts.models import User
from apps.common.exceptions import ApplicationError
from apps.jobs.services import enqueue_on_commit
from apps.mfa import tasks
from apps.mfa.models import Passkey, TotpDevice, WebAuthnChallenge
from apps.mfa.services import webauthn
from apps.mfa.services.recovery_codes import recovery_codes_delete
from apps.mfa.services.webauthn import ChallengeOptions


def _not_found() -> ApplicationError:
    return ApplicationError(code="not_found", detail=_("No such passkey."), status_code=HTTPStatus.NOT_FOUND)


def passkey_registration_options(*, user: User) -> ChallengeOptions:
    return webauthn.registration_options(user=user)


def passkey_register(*, user: User, challenge_id: str, credential: dict[str, Any], name: str) -> Passkey:
    challenge = webauthn.challenge_consume(
        challenge_id=challenge_id, purpose=WebAuthnChallenge.Purpose.REGISTER, user=user
    )
    new = webauthn.registration_verify(user=user, challenge=challenge, credential=credential)
    try:
        with transaction.atomic():
            passkey = Passkey.objects.create(
                user=user,
                name=name,
                credential_id=new.credential_id,
                public_key=new.public_key,
                sign_count=new.sign_count,
                user_handle=new.user_handle,
                transports=new.transports,
            )
            enqueue_on_commit(tasks.send_passkey_added_email, user.pk, name)
    except IntegrityError:
        # excludeCredentials asks the browser not to; a client that ignores it lands here.
        raise ApplicationError(
            code="passkey_exists",
            detail=_("This passkey is already registered."),
            status_code=HTTPStatus.CONFLICT,
        ) from None
    return passkey


def passkey_rename(*, user: User, passkey_id: int, name: str) -> Passkey:
    passkey = Passkey.objects.filter(user=user, pk=passkey_id).first()
    if passkey is None:
        raise _not_found()
    passkey.name = name
    passkey.save(update_fields=["name"])
    return passkey


@transaction.atomic
def passkey_delete(*, user: User, passkey_id: int) -> None:
    """Removes a passkey; the recovery codes go too when it was the account's last second factor."""
    deleted, _counts = Passkey.objects.filter(user=user, pk=passkey_id).delete()
    if not deleted:
        raise _not_found()
    has_factor = (
        Passkey.objects.filter(user=user).exists()
        or TotpDevice.objects.filter(user=user, confirmed_at__isnull=False).exists()
    )
    if not has_factor:
        recovery_codes_delete(user=user)
