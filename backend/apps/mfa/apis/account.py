"""The signed-in user's second factors: status, TOTP, recovery codes, passkeys.

Changes need a recent re-authentication (``ReauthMfaApi``); reading and renaming do not.
"""

from dataclasses import asdict

from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from apps.common.auth import signed_in_user
from apps.common.openapi import problem_responses
from apps.mfa.apis.base import ReauthMfaApi, SignedInMfaApi, challenge_options_response
from apps.mfa.selectors import user_mfa_status, user_passkeys_list
from apps.mfa.serializers import (
    ChallengeOptionsSerializer,
    PasskeyAnswerInput,
    PasskeyNameInput,
    PasskeySerializer,
)
from apps.mfa.services.passkeys import passkey_delete, passkey_register, passkey_registration_options, passkey_rename
from apps.mfa.services.recovery_codes import recovery_codes_generate
from apps.mfa.services.totp import totp_confirm, totp_disable, totp_setup

REAUTH_PROBLEMS = problem_responses(400, 401, 403, 429)


@method_decorator(never_cache, name="dispatch")
class MfaStatusApi(SignedInMfaApi):
    """Which second factors the account has."""

    class MfaStatusSerializer(serializers.Serializer):
        totp_enabled = serializers.BooleanField()
        recovery_codes_remaining = serializers.IntegerField()
        passkey_count = serializers.IntegerField()
        has_password = serializers.BooleanField()

    @extend_schema(responses={200: MfaStatusSerializer, **problem_responses(401)})
    def get(self, request: Request) -> Response:
        return Response(self.MfaStatusSerializer(asdict(user_mfa_status(user=signed_in_user(request)))).data)


@method_decorator(never_cache, name="dispatch")
class TotpSetupApi(ReauthMfaApi):
    """A new pending secret with its QR code; replaces a pending one. Confirmed by the first code."""

    class TotpSetupSerializer(serializers.Serializer):
        secret = serializers.CharField()
        otpauth_uri = serializers.CharField()
        qr_code_svg = serializers.CharField(help_text="SVG markup of the QR code of otpauthUri.")

    @extend_schema(request=None, responses={200: TotpSetupSerializer, **REAUTH_PROBLEMS, **problem_responses(409)})
    def post(self, request: Request) -> Response:
        return Response(self.TotpSetupSerializer(asdict(totp_setup(user=signed_in_user(request)))).data)


@method_decorator(never_cache, name="dispatch")
class TotpConfirmApi(ReauthMfaApi):
    """Turns TOTP on with the first code; answers the recovery codes when they were made now."""

    class CodeInput(serializers.Serializer):
        code = serializers.CharField(max_length=32)

    class TotpConfirmSerializer(serializers.Serializer):
        recovery_codes = serializers.ListField(
            child=serializers.CharField(),
            allow_null=True,
            help_text="Ten new recovery codes when they were made now (the account's first second factor), else null.",
        )

    @extend_schema(
        request=CodeInput, responses={200: TotpConfirmSerializer, **REAUTH_PROBLEMS, **problem_responses(409)}
    )
    def post(self, request: Request) -> Response:
        serializer = self.CodeInput(data=request.data)
        serializer.is_valid(raise_exception=True)
        codes = totp_confirm(user=signed_in_user(request), code=serializer.validated_data["code"])
        return Response(self.TotpConfirmSerializer({"recovery_codes": codes}).data)


class TotpApi(ReauthMfaApi):
    """Turns TOTP off."""

    @extend_schema(responses={204: OpenApiResponse(description="TOTP is off"), **REAUTH_PROBLEMS})
    def delete(self, request: Request) -> Response:
        totp_disable(user=signed_in_user(request))
        return Response(status=status.HTTP_204_NO_CONTENT)


@method_decorator(never_cache, name="dispatch")
class RecoveryCodesApi(ReauthMfaApi):
    """Ten new recovery codes; the old ones stop working."""

    class RecoveryCodesSerializer(serializers.Serializer):
        recovery_codes = serializers.ListField(child=serializers.CharField())

    @extend_schema(request=None, responses={200: RecoveryCodesSerializer, **REAUTH_PROBLEMS, **problem_responses(409)})
    def post(self, request: Request) -> Response:
        codes = recovery_codes_generate(user=signed_in_user(request))
        return Response(self.RecoveryCodesSerializer({"recovery_codes": codes}).data)


class PasskeyListApi(ReauthMfaApi):
    """GET lists the passkeys (no re-authentication needed); POST registers one."""

    class PasskeyRegisterInput(PasskeyAnswerInput, PasskeyNameInput):
        pass

    reauth_exempt_methods = ("GET",)

    @extend_schema(responses={200: PasskeySerializer(many=True), **problem_responses(401)})
    def get(self, request: Request) -> Response:
        return Response(PasskeySerializer(user_passkeys_list(user=signed_in_user(request)), many=True).data)

    @extend_schema(
        request=PasskeyRegisterInput, responses={201: PasskeySerializer, **REAUTH_PROBLEMS, **problem_responses(409)}
    )
    def post(self, request: Request) -> Response:
        serializer = self.PasskeyRegisterInput(data=request.data)
        serializer.is_valid(raise_exception=True)
        passkey = passkey_register(user=signed_in_user(request), **serializer.validated_data)
        return Response(PasskeySerializer(passkey).data, status=status.HTTP_201_CREATED)


class PasskeyOptionsApi(ReauthMfaApi):
    """Options for ``navigator.credentials.create``: a discoverable credential, the existing ones excluded."""

    @extend_schema(request=None, responses={200: ChallengeOptionsSerializer, **REAUTH_PROBLEMS})
    def post(self, request: Request) -> Response:
        return challenge_options_response(passkey_registration_options(user=signed_in_user(request)))


class PasskeyDetailApi(ReauthMfaApi):
    """PATCH renames (no re-authentication needed); DELETE removes."""

    reauth_exempt_methods = ("PATCH",)

    @extend_schema(request=PasskeyNameInput, responses={200: PasskeySerializer, **problem_responses(400, 401, 404)})
    def patch(self, request: Request, passkey_id: int) -> Response:
        serializer = PasskeyNameInput(data=request.data)
        serializer.is_valid(raise_exception=True)
        passkey = passkey_rename(user=signed_in_user(request), passkey_id=passkey_id, **serializer.validated_data)
        return Response(PasskeySerializer(passkey).data)

    @extend_schema(responses={204: OpenApiResponse(description="Removed"), **REAUTH_PROBLEMS, **problem_responses(404)})
    def delete(self, request: Request, passkey_id: int) -> Response:
        passkey_delete(user=signed_in_user(request), passkey_id=passkey_id)
        return Response(status=status.HTTP_204_NO_CONTENT)
