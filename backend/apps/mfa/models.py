"""Second factors (TOTP, recovery codes, passkeys) and the short-lived state of their flows.

Nothing here keeps a secret in the clear: the TOTP secret is encrypted (services/totp.py),
recovery codes and MFA tickets are stored as SHA-256 digests of high-entropy values, and a
passkey is a public key. docs/security.md explains each choice.
"""

import uuid

from django.conf import settings
from django.db import models


class TotpDevice(models.Model):
    """The user's authenticator app. Unconfirmed (``confirmed_at`` null) between setup and the first code."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="totp_device")
    secret_encrypted = models.TextField()
    confirmed_at = models.DateTimeField(null=True, blank=True)
    # The time step of the last accepted code: a code of this step or an earlier one is refused (no replay).
    last_used_step = models.BigIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"TOTP of user {self.user_id}"


class RecoveryCode(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="recovery_codes")
    code_digest = models.CharField(max_length=64)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "code_digest"], name="mfa_recovery_code_unique")]

    def __str__(self) -> str:
        return f"Recovery code {self.pk} of user {self.user_id}"


class Passkey(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="passkeys")
    name = models.CharField(max_length=100)
    credential_id = models.BinaryField(unique=True)
    public_key = models.BinaryField()
    sign_count = models.BigIntegerField(default=0)
    # The WebAuthn user handle the credential was made with; a sign-in must present the same.
    user_handle = models.BinaryField()
    transports = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("created_at", "id")

    def __str__(self) -> str:
        return self.name


class MfaTicket(models.Model):
    """Proof that the first step (a password or a provider) passed; traded once for a session by a second factor."""

    digest = models.CharField(max_length=64, unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    expires_at = models.DateTimeField(db_index=True)
    failures = models.PositiveSmallIntegerField(default=0)

    def __str__(self) -> str:
        return f"MFA ticket of user {self.user_id}"


class WebAuthnChallenge(models.Model):
    """A challenge handed to the browser, consumed by the one answer that may use it."""

    class Purpose(models.TextChoices):
        REGISTER = "register"
        SIGN_IN = "sign_in"
        SECOND_FACTOR = "second_factor"
        REAUTHENTICATE = "reauthenticate"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    challenge = models.BinaryField()
    purpose = models.CharField(max_length=16, choices=Purpose.choices)
    # Null only for usernameless sign-in, where nobody is known yet.
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, related_name="+")
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"{self.purpose} challenge {self.id}"
