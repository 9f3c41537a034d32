"""Shapes of the second-factor endpoints."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from apps.accounts.serializers import UserSerializer
from apps.common.validators import VisibleTextValidator


@extend_schema_field(
    {
        "type": "object",
        "additionalProperties": True,
        "description": "The browser's PublicKeyCredential JSON as @simplewebauthn/browser produces it, unchanged.",
    }
)
class CredentialField(serializers.DictField):
    pass


@extend_schema_field(
    {
        "type": "object",
        "additionalProperties": True,
        "description": "PublicKeyCredentialCreationOptionsJSON or PublicKeyCredentialRequestOptionsJSON "
        "(WebAuthn Level 3), for @simplewebauthn/browser.",
    }
)
class OptionsField(serializers.DictField):
    pass


class SessionSerializer(serializers.Serializer):
    access = serializers.CharField()
    user = UserSerializer()


class MfaChallengeSerializer(serializers.Serializer):
    ticket = serializers.CharField()
    methods = serializers.ListField(
        child=serializers.ChoiceField(choices=["totp", "recoveryCode", "passkey"]),
        help_text="The second factors this account can answer with.",
    )
    expires_at = serializers.DateTimeField()


class ChallengeOptionsSerializer(serializers.Serializer):
    challenge_id = serializers.CharField()
    options = OptionsField()


class TicketInput(serializers.Serializer):
    ticket = serializers.CharField(max_length=128)


class TicketCodeInput(TicketInput):
    code = serializers.CharField(max_length=32)


class CodeInput(serializers.Serializer):
    code = serializers.CharField(max_length=32)


class PasskeyAnswerInput(serializers.Serializer):
    challenge_id = serializers.CharField(max_length=64)
    credential = CredentialField()


class TicketPasskeyInput(PasskeyAnswerInput):
    ticket = serializers.CharField(max_length=128)


class ReauthenticateInput(serializers.Serializer):
    """Either ``password``, or ``challengeId`` with ``credential``."""

    password = serializers.CharField(max_length=128, required=False, write_only=True)
    challenge_id = serializers.CharField(max_length=64, required=False)
    credential = CredentialField(required=False)

    def validate(self, attrs: dict) -> dict:
        by_password = "password" in attrs
        by_passkey = "challenge_id" in attrs and "credential" in attrs
        if by_password == by_passkey:
            raise serializers.ValidationError("Send either password, or challengeId with credential.", code="invalid")
        return attrs


class ReauthAccessSerializer(serializers.Serializer):
    access = serializers.CharField()


class MfaStatusSerializer(serializers.Serializer):
    totp_enabled = serializers.BooleanField()
    recovery_codes_remaining = serializers.IntegerField()
    passkey_count = serializers.IntegerField()
    has_password = serializers.BooleanField()


class TotpSetupSerializer(serializers.Serializer):
    secret = serializers.CharField()
    otpauth_uri = serializers.CharField()
    qr_code_svg = serializers.CharField(help_text="SVG markup of the QR code of otpauthUri.")


class TotpConfirmSerializer(serializers.Serializer):
    recovery_codes = serializers.ListField(
        child=serializers.CharField(),
        allow_null=True,
        help_text="Ten new recovery codes when they were made now (the account's first second factor), else null.",
    )


class RecoveryCodesSerializer(serializers.Serializer):
    recovery_codes = serializers.ListField(child=serializers.CharField())


class PasskeySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    created_at = serializers.DateTimeField()
    last_used_at = serializers.DateTimeField(allow_null=True)


class PasskeyNameInput(serializers.Serializer):
    name = serializers.CharField(max_length=100, validators=[VisibleTextValidator()])


class PasskeyRegisterInput(PasskeyAnswerInput, PasskeyNameInput):
    pass
