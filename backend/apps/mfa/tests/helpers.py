"""What the second-factor tests share: endpoints, a TOTP app, signing in and re-authenticating."""

import time

import pyotp
from django.urls import reverse
from rest_framework.test import APIClient

from apps.accounts.models import User
from apps.accounts.tests.factories import DEFAULT_PASSWORD, access_token_for
from apps.mfa.models import Passkey
from apps.mfa.services import webauthn
from apps.mfa.services.recovery_codes import recovery_codes_generate
from apps.mfa.services.totp import totp_confirm, totp_setup
from apps.mfa.tests.authenticator import SoftAuthenticator

LOGIN = reverse("api:auth:login")
MFA_TOTP = reverse("api:mfa-auth:mfa-totp")
MFA_RECOVERY = reverse("api:mfa-auth:mfa-recovery-code")
MFA_PASSKEY_OPTIONS = reverse("api:mfa-auth:mfa-passkey-options")
MFA_PASSKEY = reverse("api:mfa-auth:mfa-passkey")
PASSKEY_OPTIONS = reverse("api:mfa-auth:passkey-options")
PASSKEY_LOGIN = reverse("api:mfa-auth:passkey-login")
REAUTH_OPTIONS = reverse("api:mfa-auth:reauthenticate-options")
REAUTH = reverse("api:mfa-auth:reauthenticate")
STATUS = reverse("api:mfa:mfa")
TOTP_SETUP = reverse("api:mfa:totp-setup")
TOTP_CONFIRM = reverse("api:mfa:totp-confirm")
TOTP = reverse("api:mfa:totp")
RECOVERY_CODES = reverse("api:mfa:recovery-codes")
PASSKEYS = reverse("api:mfa:passkeys")
PASSKEYS_OPTIONS = reverse("api:mfa:passkey-options")


def passkey_detail(passkey_id: int) -> str:
    return reverse("api:mfa:passkey-detail", args=(passkey_id,))


def code_at(secret: str, steps_ahead: int = 0) -> str:
    """The app's code ``steps_ahead`` 30-second steps from now (the server accepts one step either side)."""
    return pyotp.TOTP(secret).at(int(time.time()) + 30 * steps_ahead)


def enable_totp(user: User) -> tuple[str, list[str]]:
    """TOTP on for ``user`` through the services; returns the secret and the recovery codes.

    The confirming code uses up the current step: codes for later logins are ``code_at(secret, 1)``.
    """
    secret = totp_setup(user=user).secret
    codes = totp_confirm(user=user, code=code_at(secret))
    assert codes is not None
    return secret, codes


def add_passkey(user: User, authenticator: SoftAuthenticator | None = None, name: str = "Laptop") -> SoftAuthenticator:
    """A passkey of ``user`` made by a soft authenticator, stored as registration would store it."""
    authenticator = authenticator or SoftAuthenticator()
    options = webauthn.registration_options(user=user)
    challenge = webauthn.challenge_consume(challenge_id=options.challenge_id, purpose="register", user=user)
    new = webauthn.registration_verify(user=user, challenge=challenge, credential=authenticator.create(options.options))
    Passkey.objects.create(
        user=user,
        name=name,
        credential_id=new.credential_id,
        public_key=new.public_key,
        sign_count=new.sign_count,
        user_handle=new.user_handle,
        transports=new.transports,
    )
    return authenticator


def give_recovery_codes(user: User) -> list[str]:
    return recovery_codes_generate(user=user)


def signed_in_client(user: User) -> tuple[APIClient, str]:
    """A client with a real access token of ``user`` (not re-authenticated); the token too."""
    client = APIClient()
    access = access_token_for(user)
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {access}")
    return client, access


def reauthenticated_client(user: User, password: str = DEFAULT_PASSWORD) -> APIClient:
    client, _access = signed_in_client(user)
    response = client.post(REAUTH, {"password": password})
    assert response.status_code == 200, response.json()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {response.json()['access']}")
    return client
