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


class TicketCodeInput(serializers.Serializer):
    ticket = serializers.CharField(max_length=128)
    code = serializers.CharField(max_length=32)


class PasskeyAnswerInput(serializers.Serializer):
    challenge_id = serializers.CharField(max_length=64)
    credential = CredentialField()


class PasskeySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    created_at = serializers.DateTimeField()
    last_used_at = serializers.DateTimeField(allow_null=True)


class PasskeyNameInput(serializers.Serializer):
    name = serializers.CharField(max_length=100, validators=[VisibleTextValidator()])
