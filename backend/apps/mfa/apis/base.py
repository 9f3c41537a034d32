"""What the second-factor endpoints share: the public base and the answer that starts a session."""

from rest_framework import status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle, BaseThrottle, ScopedRateThrottle, UserRateThrottle
from rest_framework.views import APIView

from apps.accounts.cookies import refresh_cookie_set
from apps.accounts.serializers import UserSerializer
from apps.mfa.permissions import RecentlyReauthenticated
from apps.mfa.serializers import ChallengeOptionsSerializer, MfaChallengeSerializer
from apps.mfa.services.login import SignedIn
from apps.mfa.services.tickets import MfaChallenge
from apps.mfa.services.webauthn import ChallengeOptions


class PublicMfaApi(APIView):
    """Used before a session exists: no bearer token is read; throttled per address (scope ``auth_mfa``)."""

    authentication_classes = ()
    permission_classes = (AllowAny,)
    throttle_classes: tuple[type[BaseThrottle], ...] = (ScopedRateThrottle, AnonRateThrottle)
    throttle_scope = "auth_mfa"


class SignedInMfaApi(APIView):
    """Signed in; throttled per user (scope ``mfa_manage``)."""

    permission_classes: tuple[type, ...] = (IsAuthenticated,)
    throttle_classes: tuple[type[BaseThrottle], ...] = (ScopedRateThrottle, UserRateThrottle)
    throttle_scope = "mfa_manage"


class ReauthMfaApi(SignedInMfaApi):
    """Signed in and re-authenticated within ``AUTH_REAUTH_MAX_AGE``."""

    permission_classes = (IsAuthenticated, RecentlyReauthenticated)


def signed_in_response(result: SignedIn) -> Response:
    response = Response({"access": result.tokens.access, "user": UserSerializer(result.user).data})
    refresh_cookie_set(response, token=result.tokens.refresh)
    return response


def mfa_challenge_response(challenge: MfaChallenge) -> Response:
    data = MfaChallengeSerializer(
        {"ticket": challenge.ticket, "methods": challenge.methods, "expires_at": challenge.expires_at}
    ).data
    return Response(data, status=status.HTTP_202_ACCEPTED)


def challenge_options_response(options: ChallengeOptions) -> Response:
    return Response(ChallengeOptionsSerializer({"challenge_id": options.challenge_id, "options": options.options}).data)
