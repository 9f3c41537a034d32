"""The second step of a login, passkey sign-in and re-authentication.

Answers that carry a token are ``never_cache`` (``Cache-Control: no-store``), like the login's.
"""

from typing import Any

from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from apps.common.auth import client_info, client_ip, signed_in_user
from apps.common.openapi import problem_responses
from apps.mfa.apis.base import PublicMfaApi, SignedInMfaApi, challenge_options_response, signed_in_response
from apps.mfa.serializers import (
    ChallengeOptionsSerializer,
    CredentialField,
    PasskeyAnswerInput,
    SessionSerializer,
    TicketCodeInput,
)
from apps.mfa.services.login import (
    mfa_login_passkey,
    mfa_login_recovery_code,
    mfa_login_totp,
    mfa_passkey_options,
    passkey_login,
    passkey_login_options,
)
from apps.mfa.services.reauth import reauth_options, reauthenticate_passkey, reauthenticate_password

SESSION_RESPONSES: dict[Any, Any] = {200: SessionSerializer, **problem_responses(400, 401, 429)}
OPTIONS_RESPONSES: dict[Any, Any] = {200: ChallengeOptionsSerializer, **problem_responses(400, 401, 429)}


@method_decorator(never_cache, name="dispatch")
class MfaTotpApi(PublicMfaApi):
    """Second step with a code from the authenticator app."""

    @extend_schema(request=TicketCodeInput, responses=SESSION_RESPONSES)
    def post(self, request: Request) -> Response:
        serializer = TicketCodeInput(data=request.data)
        serializer.is_valid(raise_exception=True)
        return signed_in_response(mfa_login_totp(**serializer.validated_data, client=client_info(request)))


@method_decorator(never_cache, name="dispatch")
class MfaRecoveryCodeApi(PublicMfaApi):
    """Second step with a recovery code, which is spent (the owner gets an email)."""

    @extend_schema(request=TicketCodeInput, responses=SESSION_RESPONSES)
    def post(self, request: Request) -> Response:
        serializer = TicketCodeInput(data=request.data)
        serializer.is_valid(raise_exception=True)
        return signed_in_response(mfa_login_recovery_code(**serializer.validated_data, client=client_info(request)))


class MfaPasskeyOptionsApi(PublicMfaApi):
    """A challenge for the second step with one of the ticket's user's passkeys."""

    class TicketInput(serializers.Serializer):
        ticket = serializers.CharField(max_length=128)

    @extend_schema(request=TicketInput, responses=OPTIONS_RESPONSES)
    def post(self, request: Request) -> Response:
        serializer = self.TicketInput(data=request.data)
        serializer.is_valid(raise_exception=True)
        return challenge_options_response(mfa_passkey_options(ticket=serializer.validated_data["ticket"]))


@method_decorator(never_cache, name="dispatch")
class MfaPasskeyApi(PublicMfaApi):
    """Second step with a passkey."""

    class TicketPasskeyInput(PasskeyAnswerInput):
        ticket = serializers.CharField(max_length=128)

    @extend_schema(request=TicketPasskeyInput, responses=SESSION_RESPONSES)
    def post(self, request: Request) -> Response:
        serializer = self.TicketPasskeyInput(data=request.data)
        serializer.is_valid(raise_exception=True)
        return signed_in_response(mfa_login_passkey(**serializer.validated_data, client=client_info(request)))


class PasskeyLoginOptionsApi(PublicMfaApi):
    """A challenge for usernameless sign-in: any discoverable passkey of this site may answer."""

    @extend_schema(request=None, responses=OPTIONS_RESPONSES)
    def post(self, request: Request) -> Response:
        return challenge_options_response(passkey_login_options())


@method_decorator(never_cache, name="dispatch")
class PasskeyLoginApi(PublicMfaApi):
    """Sign-in with a passkey alone: a complete login, no second step."""

    @extend_schema(request=PasskeyAnswerInput, responses=SESSION_RESPONSES)
    def post(self, request: Request) -> Response:
        serializer = PasskeyAnswerInput(data=request.data)
        serializer.is_valid(raise_exception=True)
        return signed_in_response(passkey_login(**serializer.validated_data, client=client_info(request)))


class ReauthenticateOptionsApi(SignedInMfaApi):
    """A challenge for re-authenticating with one of the user's passkeys."""

    throttle_scope = "auth_reauth"

    @extend_schema(request=None, responses=OPTIONS_RESPONSES)
    def post(self, request: Request) -> Response:
        return challenge_options_response(reauth_options(user=signed_in_user(request)))


@method_decorator(never_cache, name="dispatch")
class ReauthenticateApi(SignedInMfaApi):
    """Proves it is still the user (password or passkey); answers an access token stamped ``reauth_at``."""

    class ReauthenticateInput(serializers.Serializer):
        """Either ``password``, or ``challengeId`` with ``credential``."""

        password = serializers.CharField(max_length=128, required=False, write_only=True)
        challenge_id = serializers.CharField(max_length=64, required=False)
        credential = CredentialField(required=False)

        def validate(self, attrs: dict) -> dict:
            by_password = "password" in attrs
            by_passkey = "challenge_id" in attrs and "credential" in attrs
            if by_password == by_passkey:
                raise serializers.ValidationError(
                    _("Send either the password, or challengeId with credential."), code="invalid"
                )
            return attrs

    class ReauthAccessSerializer(serializers.Serializer):
        access = serializers.CharField()

    throttle_scope = "auth_reauth"

    @extend_schema(
        request=ReauthenticateInput, responses={200: ReauthAccessSerializer, **problem_responses(400, 401, 429)}
    )
    def post(self, request: Request) -> Response:
        serializer = self.ReauthenticateInput(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        user, claims, ip = signed_in_user(request), request.auth.payload, client_ip(request)  # type: ignore[union-attr]
        if "password" in data:
            access = reauthenticate_password(user=user, claims=claims, password=data["password"], ip=ip)
        else:
            access = reauthenticate_passkey(
                user=user, claims=claims, challenge_id=data["challenge_id"], credential=data["credential"], ip=ip
            )
        return Response({"access": access})
