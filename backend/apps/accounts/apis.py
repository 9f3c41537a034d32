"""Auth and profile endpoints. Thin: parse, call one service or selector, serialise.

Answers that carry a token, set or clear the refresh cookie, or show the profile are
``never_cache``: ``Cache-Control: no-store`` (and ``private``), so no browser or proxy cache keeps them.
"""

from django.contrib.auth.password_validation import password_validators_help_texts
from django.utils.decorators import method_decorator
from django.utils.functional import lazy
from django.utils.translation import get_language_from_request
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle, BaseThrottle, ScopedRateThrottle
from rest_framework.views import APIView

from apps.accounts.cookies import refresh_cookie_clear, refresh_cookie_read, refresh_cookie_set
from apps.accounts.models import email_validate_domain
from apps.accounts.security import request_origin_allowed
from apps.accounts.serializers import LanguageField, UserSerializer
from apps.accounts.services.passwords import password_change, password_reset_confirm, password_reset_request
from apps.accounts.services.profile import user_delete, user_update
from apps.accounts.services.registration import user_register, user_verification_resend, user_verify_email
from apps.accounts.services.sessions import session_end, session_refresh
from apps.common.auth import client_info, signed_in_user
from apps.common.exceptions import ApplicationError
from apps.common.openapi import problem_responses
from apps.common.validators import VisibleTextValidator
from apps.mfa.serializers import MfaChallengeSerializer
from apps.mfa.services.login import SignedIn, password_login

DetailSerializer = inline_serializer("Detail", {"detail": serializers.CharField()})
AccessSerializer = inline_serializer("Access", {"access": serializers.CharField()})

# Lazy, so the schema is in the language it is generated in (scripts/schema.sh), not the default.
PASSWORD_HELP = lazy(lambda: " ".join(password_validators_help_texts()), str)()


class PublicAuthApi(APIView):
    """Base for endpoints used before login: no bearer token is read (an expired one must not block them)."""

    authentication_classes = ()
    permission_classes = (AllowAny,)
    throttle_classes: tuple[type[BaseThrottle], ...] = (ScopedRateThrottle, AnonRateThrottle)


class CookieAuthApi(PublicAuthApi):
    """Base for endpoints authenticated by the refresh cookie alone; refuses foreign origins."""

    def initial(self, request: Request, *args: object, **kwargs: object) -> None:
        super().initial(request, *args, **kwargs)
        if not request_origin_allowed(request):
            raise ApplicationError(
                code="origin_not_allowed",
                detail=_("This request came from a site that may not use this session."),
                status_code=status.HTTP_403_FORBIDDEN,
            )


class RegisterApi(PublicAuthApi):
    """Creates an account and emails a verification link. Answers the same for a taken address."""

    throttle_scope = "auth_register"

    class RegisterInput(serializers.Serializer):
        email = serializers.EmailField(max_length=254, validators=[email_validate_domain])
        password = serializers.CharField(max_length=128, write_only=True, help_text=PASSWORD_HELP)
        first_name = serializers.CharField(
            max_length=150, allow_blank=True, default="", validators=[VisibleTextValidator()]
        )
        last_name = serializers.CharField(
            max_length=150, allow_blank=True, default="", validators=[VisibleTextValidator()]
        )

    @extend_schema(request=RegisterInput, responses={201: DetailSerializer, **problem_responses(400, 429)})
    def post(self, request: Request) -> Response:
        serializer = self.RegisterInput(data=request.data)
        serializer.is_valid(raise_exception=True)
        user_register(**serializer.validated_data, language=get_language_from_request(request))
        return Response(
            {"detail": "Check your inbox: we sent a link to confirm your email address."},
            status=status.HTTP_201_CREATED,
        )


class VerifyEmailApi(PublicAuthApi):
    """Confirms an email address with the token from the verification link."""

    class VerifyEmailInput(serializers.Serializer):
        token = serializers.CharField(max_length=512)

    @extend_schema(request=VerifyEmailInput, responses={200: DetailSerializer, **problem_responses(400)})
    def post(self, request: Request) -> Response:
        serializer = self.VerifyEmailInput(data=request.data)
        serializer.is_valid(raise_exception=True)
        user_verify_email(token=serializer.validated_data["token"])
        return Response({"detail": "Your email address is confirmed. You can log in now."})


class VerifyEmailResendApi(PublicAuthApi):
    """Sends the verification link again. Always 202, so it reveals nothing about the address."""

    throttle_scope = "auth_verification_resend"

    class VerifyEmailResendInput(serializers.Serializer):
        email = serializers.EmailField(max_length=254)

    @extend_schema(request=VerifyEmailResendInput, responses={202: DetailSerializer, **problem_responses(400, 429)})
    def post(self, request: Request) -> Response:
        serializer = self.VerifyEmailResendInput(data=request.data)
        serializer.is_valid(raise_exception=True)
        user_verification_resend(email=serializer.validated_data["email"])
        return Response(
            {"detail": "If that address has an unconfirmed account, a new link is on its way."},
            status=status.HTTP_202_ACCEPTED,
        )


@method_decorator(never_cache, name="dispatch")
class LoginApi(PublicAuthApi):
    """Password login: returns an access token and sets the refresh token as an httpOnly cookie.

    An account with a second factor gets 202 with a ticket instead, and no session: the second
    step (``/auth/mfa/...``) trades the ticket for one.
    """

    throttle_scope = "auth_login"

    class LoginInput(serializers.Serializer):
        email = serializers.EmailField(max_length=254)
        password = serializers.CharField(max_length=128, write_only=True)

    @extend_schema(
        request=LoginInput,
        responses={
            200: inline_serializer("Login", {"access": serializers.CharField(), "user": UserSerializer()}),
            202: MfaChallengeSerializer,
            **problem_responses(400, 401, 403, 429),
        },
    )
    def post(self, request: Request) -> Response:
        serializer = self.LoginInput(data=request.data)
        serializer.is_valid(raise_exception=True)
        result = password_login(**serializer.validated_data, client=client_info(request))
        if not isinstance(result, SignedIn):
            challenge = {"ticket": result.ticket, "methods": result.methods, "expires_at": result.expires_at}
            return Response(MfaChallengeSerializer(challenge).data, status=status.HTTP_202_ACCEPTED)
        response = Response({"access": result.tokens.access, "user": UserSerializer(result.user).data})
        refresh_cookie_set(response, token=result.tokens.refresh)
        return response


@method_decorator(never_cache, name="dispatch")
class RefreshApi(CookieAuthApi):
    """Rotates the refresh cookie and returns a new access token. A reused refresh token ends every session."""

    @extend_schema(request=None, responses={200: AccessSerializer, **problem_responses(401, 403, 429)})
    def post(self, request: Request) -> Response:
        try:
            tokens = session_refresh(raw_refresh=refresh_cookie_read(request), client=client_info(request))
        except ApplicationError as error:
            failure = self.handle_exception(error)  # the problem document, plus a cleared cookie
            refresh_cookie_clear(failure)
            return failure
        response = Response({"access": tokens.access})
        refresh_cookie_set(response, token=tokens.refresh)
        return response


@method_decorator(never_cache, name="dispatch")
class LogoutApi(CookieAuthApi):
    """Ends the session: deletes the refresh token and clears the cookie."""

    @extend_schema(request=None, responses={204: OpenApiResponse(description="Logged out"), **problem_responses(403)})
    def post(self, request: Request) -> Response:
        session_end(raw_refresh=refresh_cookie_read(request))
        response = Response(status=status.HTTP_204_NO_CONTENT)
        refresh_cookie_clear(response)
        return response


class PasswordResetApi(PublicAuthApi):
    """Emails a password reset link. Always 202."""

    throttle_scope = "auth_password_reset"

    class PasswordResetInput(serializers.Serializer):
        email = serializers.EmailField(max_length=254)

    @extend_schema(request=PasswordResetInput, responses={202: DetailSerializer, **problem_responses(400, 429)})
    def post(self, request: Request) -> Response:
        serializer = self.PasswordResetInput(data=request.data)
        serializer.is_valid(raise_exception=True)
        password_reset_request(email=serializer.validated_data["email"])
        return Response(
            {"detail": "If that address has an account, a reset link is on its way."},
            status=status.HTTP_202_ACCEPTED,
        )


class PasswordResetConfirmApi(PublicAuthApi):
    """Sets a new password from the emailed link and ends every session of the account."""

    # Its own counter: requested links must not block using one, nor guessed tokens asking for one.
    throttle_scope = "auth_password_reset_confirm"

    class PasswordResetConfirmInput(serializers.Serializer):
        uid = serializers.CharField(max_length=64)
        token = serializers.CharField(max_length=128)
        new_password = serializers.CharField(max_length=128, write_only=True, help_text=PASSWORD_HELP)

    @extend_schema(
        request=PasswordResetConfirmInput,
        responses={204: OpenApiResponse(description="Password changed"), **problem_responses(400, 429)},
    )
    def post(self, request: Request) -> Response:
        serializer = self.PasswordResetConfirmInput(data=request.data)
        serializer.is_valid(raise_exception=True)
        password_reset_confirm(**serializer.validated_data)
        return Response(status=status.HTTP_204_NO_CONTENT)


@method_decorator(never_cache, name="dispatch")
class PasswordChangeApi(APIView):
    """Changes the password; other sessions end, this one gets a fresh refresh cookie."""

    permission_classes = (IsAuthenticated,)

    class PasswordChangeInput(serializers.Serializer):
        current_password = serializers.CharField(max_length=128, write_only=True)
        new_password = serializers.CharField(max_length=128, write_only=True, help_text=PASSWORD_HELP)

    @extend_schema(
        request=PasswordChangeInput,
        responses={204: OpenApiResponse(description="Password changed"), **problem_responses(400, 401)},
    )
    def post(self, request: Request) -> Response:
        serializer = self.PasswordChangeInput(data=request.data)
        serializer.is_valid(raise_exception=True)
        tokens = password_change(user=signed_in_user(request), client=client_info(request), **serializer.validated_data)
        response = Response(status=status.HTTP_204_NO_CONTENT)
        refresh_cookie_set(response, token=tokens.refresh)
        return response


@method_decorator(never_cache, name="dispatch")
class UserMeApi(APIView):
    """The signed-in user's own profile."""

    permission_classes = (IsAuthenticated,)

    class UserUpdateInput(serializers.Serializer):
        first_name = serializers.CharField(
            max_length=150, allow_blank=True, required=False, validators=[VisibleTextValidator()]
        )
        last_name = serializers.CharField(
            max_length=150, allow_blank=True, required=False, validators=[VisibleTextValidator()]
        )
        language = LanguageField(required=False, help_text="Language of emails, one of the site's language codes")

    class UserDeleteInput(serializers.Serializer):
        password = serializers.CharField(max_length=128, write_only=True, required=False, allow_blank=True)

    @extend_schema(responses={200: UserSerializer, **problem_responses(401)})
    def get(self, request: Request) -> Response:
        return Response(UserSerializer(signed_in_user(request)).data)

    @extend_schema(request=UserUpdateInput, responses={200: UserSerializer, **problem_responses(400, 401)})
    def patch(self, request: Request) -> Response:
        serializer = self.UserUpdateInput(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = user_update(user=signed_in_user(request), **serializer.validated_data)
        return Response(UserSerializer(user).data)

    @extend_schema(
        request=UserDeleteInput,
        responses={204: OpenApiResponse(description="Account deleted"), **problem_responses(400, 401)},
    )
    def delete(self, request: Request) -> Response:
        serializer = self.UserDeleteInput(data=request.data)
        serializer.is_valid(raise_exception=True)
        user_delete(user=signed_in_user(request), password=serializer.validated_data.get("password"))
        response = Response(status=status.HTTP_204_NO_CONTENT)
        refresh_cookie_clear(response)
        return response
