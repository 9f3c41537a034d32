"""Changing the email address: ask for it while signed in, confirm it from the emailed link."""

from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle, ScopedRateThrottle, UserRateThrottle
from rest_framework.views import APIView

from apps.accounts.cookies import refresh_cookie_clear
from apps.accounts.models import EMAIL_MAX_LENGTH, email_validate_domain
from apps.accounts.services.email_change import email_change_confirm, email_change_request
from apps.common.auth import signed_in_user
from apps.common.openapi import problem_responses

EmailChangeRequestedSerializer = inline_serializer("EmailChangeRequested", {"detail": serializers.CharField()})


class EmailChangeApi(APIView):
    """Asks to move the account to another address: a link goes to it, a notice to the current one.

    Answers 202 whether or not another account has the new address (docs/auth.md). Needs the
    current password; an account without one gets 400 ``password_required``.
    """

    permission_classes = (IsAuthenticated,)
    # Each request sends two emails and checks the password: counted per user.
    throttle_classes = (ScopedRateThrottle, UserRateThrottle)
    throttle_scope = "auth_email_change"

    class EmailChangeInput(serializers.Serializer):
        new_email = serializers.EmailField(max_length=EMAIL_MAX_LENGTH, validators=[email_validate_domain])
        # Blank for an account without a password, which the service refuses with its own code.
        password = serializers.CharField(max_length=128, write_only=True, allow_blank=True, default="")

    @extend_schema(
        request=EmailChangeInput, responses={202: EmailChangeRequestedSerializer, **problem_responses(400, 401, 429)}
    )
    def post(self, request: Request) -> Response:
        serializer = self.EmailChangeInput(data=request.data)
        serializer.is_valid(raise_exception=True)
        email_change_request(user=signed_in_user(request), **serializer.validated_data)
        return Response(
            {"detail": "Check the new address's inbox: follow the link there to finish the change."},
            status=status.HTTP_202_ACCEPTED,
        )


@method_decorator(never_cache, name="dispatch")
class EmailChangeConfirmApi(APIView):
    """Moves the account to the new address with the token from the emailed link; every session ends."""

    # As the other links from emails (apis.PublicAuthApi): opened in any browser, signed in or not,
    # and an expired bearer token must not block it.
    authentication_classes = ()
    permission_classes = (AllowAny,)
    throttle_classes = (AnonRateThrottle,)

    class EmailChangeConfirmInput(serializers.Serializer):
        token = serializers.CharField(max_length=1024)

    @extend_schema(
        request=EmailChangeConfirmInput,
        responses={204: OpenApiResponse(description="Address changed"), **problem_responses(400, 409, 429)},
    )
    def post(self, request: Request) -> Response:
        serializer = self.EmailChangeConfirmInput(data=request.data)
        serializer.is_valid(raise_exception=True)
        email_change_confirm(token=serializer.validated_data["token"])
        response = Response(status=status.HTTP_204_NO_CONTENT)
        # The session of this browser, if any, ended with the others.
        refresh_cookie_clear(response)
        return response
