"""WebAuthn ceremonies with py_webauthn: challenges, options for the browser, and checking its answers.

A challenge is stored server-side for one purpose and one user (none for usernameless sign-in),
lives ``AUTH_WEBAUTHN_CHALLENGE_TTL`` seconds and is deleted by the answer that uses it, right or
wrong. Answers are checked against ``WEBAUTHN_RP_ID`` and ``WEBAUTHN_ORIGINS``.
"""

import hashlib
import hmac
import json
import uuid
from dataclasses import dataclass
from datetime import timedelta
from http import HTTPStatus
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from webauthn import (
    generate_authentication_options,
    generate_registration_options,
    options_to_json,
    verify_authentication_response,
    verify_registration_response,
)
from webauthn.helpers import base64url_to_bytes
from webauthn.helpers.exceptions import WebAuthnException
from webauthn.helpers.structs import (
    AuthenticatorSelectionCriteria,
    AuthenticatorTransport,
    PublicKeyCredentialDescriptor,
    ResidentKeyRequirement,
    UserVerificationRequirement,
)

from apps.accounts.models import User
from apps.common.exceptions import ApplicationError
from apps.mfa.models import Passkey, WebAuthnChallenge

Purpose = WebAuthnChallenge.Purpose


@dataclass(frozen=True)
class ChallengeOptions:
    challenge_id: str
    options: dict[str, Any]


@dataclass(frozen=True)
class NewCredential:
    credential_id: bytes
    public_key: bytes
    sign_count: int
    user_handle: bytes
    transports: list[str]


def _invalid_challenge() -> ApplicationError:
    return ApplicationError(
        code="invalid_challenge",
        detail=_("This passkey request has expired or was already used. Start again."),
        status_code=HTTPStatus.BAD_REQUEST,
    )


def invalid_credential() -> ApplicationError:
    return ApplicationError(
        code="invalid_credential",
        detail=_("The passkey could not be verified. Try again or use another way to sign in."),
        status_code=HTTPStatus.BAD_REQUEST,
    )


def user_handle_of(user: User) -> bytes:
    """The WebAuthn user id of an account: stable, opaque (no email, no primary key in the clear)."""
    return hmac.new(settings.MFA_ENCRYPTION_KEY.encode(), f"webauthn-user:{user.pk}".encode(), hashlib.sha256).digest()


def _descriptors(passkeys: list[Passkey]) -> list[PublicKeyCredentialDescriptor]:
    known = {transport.value for transport in AuthenticatorTransport}
    return [
        PublicKeyCredentialDescriptor(
            id=bytes(passkey.credential_id),
            transports=[AuthenticatorTransport(t) for t in passkey.transports if t in known] or None,
        )
        for passkey in passkeys
    ]


def _challenge_store(*, purpose: str, user: User | None, challenge: bytes) -> str:
    now = timezone.now()
    # Expired challenges are dead already; deleting them here keeps the table to the ones in flight.
    WebAuthnChallenge.objects.filter(expires_at__lte=now).delete()
    row = WebAuthnChallenge.objects.create(
        challenge=challenge,
        purpose=purpose,
        user=user,
        expires_at=now + timedelta(seconds=settings.AUTH_WEBAUTHN_CHALLENGE_TTL),
    )
    return str(row.id)


def challenge_consume(*, challenge_id: str, purpose: str, user: User | None) -> bytes:
    """The challenge's bytes, deleted so that it answers once. Refuses another purpose's or user's challenge."""
    try:
        key = uuid.UUID(challenge_id)
    except ValueError:
        raise _invalid_challenge() from None
    with transaction.atomic():
        row = (
            WebAuthnChallenge.objects.select_for_update()
            .filter(id=key, purpose=purpose, user=user, expires_at__gt=timezone.now())
            .first()
        )
        if row is None:
            raise _invalid_challenge()
        row.delete()
    return bytes(row.challenge)


def registration_options(*, user: User) -> ChallengeOptions:
    options = generate_registration_options(
        rp_id=settings.WEBAUTHN_RP_ID,
        rp_name=settings.WEBAUTHN_RP_NAME,
        user_name=user.email,
        user_id=user_handle_of(user),
        user_display_name=user.full_name or user.email,
        timeout=settings.AUTH_WEBAUTHN_CHALLENGE_TTL * 1000,
        authenticator_selection=AuthenticatorSelectionCriteria(
            resident_key=ResidentKeyRequirement.REQUIRED,
            user_verification=UserVerificationRequirement.REQUIRED,
        ),
        exclude_credentials=_descriptors(list(Passkey.objects.filter(user=user))),
    )
    challenge_id = _challenge_store(purpose=Purpose.REGISTER, user=user, challenge=options.challenge)
    return ChallengeOptions(challenge_id=challenge_id, options=json.loads(options_to_json(options)))


def registration_verify(*, user: User, challenge: bytes, credential: dict[str, Any]) -> NewCredential:
    try:
        verified = verify_registration_response(
            credential=credential,
            expected_challenge=challenge,
            expected_rp_id=settings.WEBAUTHN_RP_ID,
            expected_origin=settings.WEBAUTHN_ORIGINS,
            require_user_verification=True,
        )
    except (WebAuthnException, ValueError, TypeError, KeyError):
        raise invalid_credential() from None
    transports = (credential.get("response") or {}).get("transports") or []
    return NewCredential(
        credential_id=verified.credential_id,
        public_key=verified.credential_public_key,
        sign_count=verified.sign_count,
        user_handle=user_handle_of(user),
        transports=[t for t in transports if isinstance(t, str)][:8],
    )


def authentication_options(*, purpose: str, user: User | None) -> ChallengeOptions:
    """Options for ``navigator.credentials.get``: the user's passkeys, or none (any discoverable one) without a user."""
    options = generate_authentication_options(
        rp_id=settings.WEBAUTHN_RP_ID,
        timeout=settings.AUTH_WEBAUTHN_CHALLENGE_TTL * 1000,
        allow_credentials=_descriptors(list(Passkey.objects.filter(user=user))) if user is not None else [],
        user_verification=UserVerificationRequirement.REQUIRED,
    )
    challenge_id = _challenge_store(purpose=purpose, user=user, challenge=options.challenge)
    return ChallengeOptions(challenge_id=challenge_id, options=json.loads(options_to_json(options)))


def _credential_id_of(credential: dict[str, Any]) -> bytes:
    raw_id = credential.get("rawId")
    if not isinstance(raw_id, str):
        raise invalid_credential()
    try:
        return base64url_to_bytes(raw_id)
    except (ValueError, TypeError):
        raise invalid_credential() from None


def authentication_verify(*, challenge: bytes, credential: dict[str, Any], user: User | None) -> Passkey:
    """The passkey that signed ``challenge``, its counter and use time updated; ``user``'s own when given."""
    candidates = Passkey.objects.select_related("user").filter(credential_id=_credential_id_of(credential))
    if user is not None:
        candidates = candidates.filter(user=user)
    passkey = candidates.first()
    if passkey is None:
        raise invalid_credential()
    user_handle = (credential.get("response") or {}).get("userHandle")
    if user_handle and (not isinstance(user_handle, str) or _b64_or_none(user_handle) != bytes(passkey.user_handle)):
        raise invalid_credential()
    try:
        verified = verify_authentication_response(
            credential=credential,
            expected_challenge=challenge,
            expected_rp_id=settings.WEBAUTHN_RP_ID,
            expected_origin=settings.WEBAUTHN_ORIGINS,
            credential_public_key=bytes(passkey.public_key),
            credential_current_sign_count=passkey.sign_count,
            require_user_verification=True,
        )
    except (WebAuthnException, ValueError, TypeError, KeyError):
        raise invalid_credential() from None
    passkey.sign_count = verified.new_sign_count
    passkey.last_used_at = timezone.now()
    passkey.save(update_fields=["sign_count", "last_used_at"])
    return passkey


def _b64_or_none(value: str) -> bytes | None:
    try:
        return base64url_to_bytes(value)
    except (ValueError, TypeError):
        return None
