"""TOTP (RFC 6238) with pyotp: setup, confirmation by a first code, verification without replay, disabling.

The secret is stored encrypted with Fernet under a key derived from ``MFA_ENCRYPTION_KEY``, so a
database dump alone does not give away the authenticator apps (docs/security.md).
"""

import base64
import hashlib
import hmac
import io
import logging
from dataclasses import dataclass
from http import HTTPStatus

import pyotp
import segno
from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.accounts.models import User
from apps.common.exceptions import ApplicationError
from apps.jobs.services import enqueue_on_commit
from apps.mfa import tasks
from apps.mfa.models import Passkey, RecoveryCode, TotpDevice
from apps.mfa.services.recovery_codes import recovery_codes_delete, recovery_codes_generate

logger = logging.getLogger(__name__)

# Codes of the previous and next 30-second step are accepted too: clocks drift, people type slowly.
VALID_WINDOW = 1


@dataclass(frozen=True)
class TotpSetup:
    secret: str
    otpauth_uri: str
    qr_code_svg: str


def _fernet() -> Fernet:
    key = hashlib.sha256(f"apps.mfa.totp:{settings.MFA_ENCRYPTION_KEY}".encode()).digest()
    return Fernet(base64.urlsafe_b64encode(key))


def _secret_of(device: TotpDevice) -> str | None:
    try:
        return _fernet().decrypt(device.secret_encrypted.encode()).decode()
    except InvalidToken:
        # MFA_ENCRYPTION_KEY (or the SECRET_KEY it defaults to) changed: no code matches any more.
        logger.error("The TOTP secret of user %s cannot be decrypted: was MFA_ENCRYPTION_KEY changed?", device.user_id)
        return None


def _invalid_code() -> ApplicationError:
    return ApplicationError(
        code="invalid_code", detail=_("This code is not valid. Check it and try again."), status_code=400
    )


def totp_setup(*, user: User) -> TotpSetup:
    """Starts enrolment with a new secret, replacing a pending one. Refused while TOTP is on."""
    if TotpDevice.objects.filter(user=user, confirmed_at__isnull=False).exists():
        raise ApplicationError(
            code="totp_already_enabled",
            detail=_("Two-factor authentication is already on. Turn it off first to set up a new app."),
            status_code=HTTPStatus.CONFLICT,
        )
    secret = pyotp.random_base32()
    TotpDevice.objects.update_or_create(
        user=user,
        defaults={
            "secret_encrypted": _fernet().encrypt(secret.encode()).decode(),
            "confirmed_at": None,
            "last_used_step": None,
        },
    )
    uri = pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name=settings.WEBAUTHN_RP_NAME)
    return TotpSetup(secret=secret, otpauth_uri=uri, qr_code_svg=_qr_code_svg(uri))


def _qr_code_svg(uri: str) -> str:
    """A standalone SVG document (namespace, and a viewBox instead of a fixed size), so a client
    can draw it as an image at any size without inserting markup into its page."""
    buffer = io.BytesIO()
    segno.make(uri, error="m").save(
        buffer, kind="svg", xmldecl=False, svgns=True, omitsize=True, nl=False, dark="#000", light="#fff"
    )
    return buffer.getvalue().decode()


def _matching_step(secret: str, code: str) -> int | None:
    code = "".join(code.split())
    if not (len(code) == 6 and code.isascii() and code.isdigit()):
        return None
    totp = pyotp.TOTP(secret)
    current = totp.timecode(timezone.now())
    for step in range(current - VALID_WINDOW, current + VALID_WINDOW + 1):
        if hmac.compare_digest(totp.generate_otp(step), code):
            return step
    return None


def _accept(device: TotpDevice, code: str) -> bool:
    """Checks the code against a locked device row; a code of the last used step or an older one is a replay."""
    secret = _secret_of(device)
    step = _matching_step(secret, code) if secret is not None else None
    if step is None or (device.last_used_step is not None and step <= device.last_used_step):
        return False
    device.last_used_step = step
    device.save(update_fields=["last_used_step"])
    return True


def totp_verify(*, user: User, code: str) -> bool:
    """True when ``code`` is a current code of the user's confirmed app, not used before."""
    with transaction.atomic():
        device = TotpDevice.objects.select_for_update().filter(user=user, confirmed_at__isnull=False).first()
        return device is not None and _accept(device, code)


def totp_confirm(*, user: User, code: str) -> list[str] | None:
    """Turns TOTP on with the first code from the app. Returns new recovery codes when the user had none."""
    with transaction.atomic():
        device = TotpDevice.objects.select_for_update().filter(user=user, confirmed_at__isnull=True).first()
        if device is None:
            raise ApplicationError(
                code="totp_setup_missing",
                detail=_("Start the setup of an authenticator app first."),
                status_code=HTTPStatus.CONFLICT,
            )
        if not _accept(device, code):
            raise _invalid_code()
        device.confirmed_at = timezone.now()
        device.save(update_fields=["confirmed_at"])
        codes = None
        if not RecoveryCode.objects.filter(user=user).exists():
            codes = recovery_codes_generate(user=user)
        enqueue_on_commit(tasks.send_mfa_enabled_email, user.pk)
    return codes


def totp_disable(*, user: User) -> None:
    """Turns TOTP off; the recovery codes go too when no passkey is left."""
    with transaction.atomic():
        was_on = TotpDevice.objects.filter(user=user, confirmed_at__isnull=False).exists()
        TotpDevice.objects.filter(user=user).delete()
        if not Passkey.objects.filter(user=user).exists():
            recovery_codes_delete(user=user)
        if was_on:
            enqueue_on_commit(tasks.send_mfa_disabled_email, user.pk)
