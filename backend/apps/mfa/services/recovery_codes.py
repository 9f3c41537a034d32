"""One-time recovery codes: ten per account, shown once, stored as SHA-256 digests.

Each code carries 80 random bits, so a fast hash is enough: unlike a password there is no
dictionary to try, and guessing online is throttled with the login (docs/security.md).
"""

import base64
import hashlib
import secrets
from http import HTTPStatus

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.accounts.models import User
from apps.common.exceptions import ApplicationError
from apps.jobs.services import enqueue_on_commit
from apps.mfa import tasks
from apps.mfa.models import RecoveryCode
from apps.mfa.selectors import user_has_second_factor

RECOVERY_CODE_COUNT = 10


def _normalize(code: str) -> str:
    return "".join(code.split()).replace("-", "").lower()


def _digest(code: str) -> str:
    return hashlib.sha256(_normalize(code).encode()).hexdigest()


def _new_code() -> str:
    raw = base64.b32encode(secrets.token_bytes(10)).decode().lower()  # 16 characters, 80 bits
    return "-".join(raw[i : i + 4] for i in range(0, 16, 4))


@transaction.atomic
def recovery_codes_generate(*, user: User) -> list[str]:
    """Replaces the user's recovery codes with ten new ones and returns them (the only time they are seen).

    Only for an account with a second factor: the codes stand in for it and go when it goes.
    """
    if not user_has_second_factor(user=user):
        raise ApplicationError(
            code="no_second_factor",
            detail=_("Turn on two-factor authentication or add a passkey first."),
            status_code=HTTPStatus.CONFLICT,
        )
    codes = [_new_code() for _ in range(RECOVERY_CODE_COUNT)]
    RecoveryCode.objects.filter(user=user).delete()
    RecoveryCode.objects.bulk_create(RecoveryCode(user=user, code_digest=_digest(code)) for code in codes)
    return codes


def recovery_codes_delete(*, user: User) -> None:
    RecoveryCode.objects.filter(user=user).delete()


def recovery_code_use(*, user: User, code: str) -> bool:
    """Spends one unused code of the user; False when it is not one. Emails the owner when one is spent."""
    with transaction.atomic():
        # Updating only an unused row makes two concurrent uses of one code spend it once.
        spent = RecoveryCode.objects.filter(user=user, code_digest=_digest(code), used_at__isnull=True).update(
            used_at=timezone.now()
        )
        if spent:
            enqueue_on_commit(tasks.send_recovery_code_used_email, user.pk)
    return bool(spent)
