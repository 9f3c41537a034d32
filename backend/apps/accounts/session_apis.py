"""The signed-in user's sessions (refresh-token families): list them, end one, end all others.

The current session is the one whose id the request's access token carries as ``sid``.
"""

import uuid

from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework_simplejwt.tokens import Token

from apps.accounts.models import SESSION_CLAIM, UserSession
from apps.accounts.selectors import user_sessions_active
from apps.accounts.services.user_sessions import user_session_end, user_sessions_end_others
from apps.common.auth import signed_in_user
from apps.common.openapi import problem_responses


def _current_session_id(request: Request) -> uuid.UUID | None:
    claim = request.auth.get(SESSION_CLAIM) if isinstance(request.auth, Token) else None
    try:
        return uuid.UUID(str(claim)) if claim is not None else None
    except ValueError:
        return None


class SessionOutput(serializers.Serializer):
    id = serializers.UUIDField()
    device = serializers.CharField(help_text='From the user agent, e.g. "Firefox on Linux"; empty when unknown.')
    ip = serializers.IPAddressField(allow_null=True, help_text="The address the session was last used from.")
    location = serializers.SerializerMethodField(
        help_text="Approximate place of that address, when the server has a GeoIP database; else null."
    )
    created_at = serializers.DateTimeField()
    last_used_at = serializers.DateTimeField(help_text="Its last refresh (updated then, not on every request).")
    current = serializers.SerializerMethodField(help_text="True for the session of this request.")

    def get_location(self, session: UserSession) -> str | None:
        return session.location or None

    def get_current(self, session: UserSession) -> bool:
        return session.pk == self.context["current_session_id"]


@method_decorator(never_cache, name="dispatch")
class SessionListApi(APIView):
    """The signed-in user's sessions that can still refresh, the most recently used first."""

    permission_classes = (IsAuthenticated,)

    @extend_schema(responses={200: SessionOutput(many=True), **problem_responses(401)})
    def get(self, request: Request) -> Response:
        sessions = user_sessions_active(user=signed_in_user(request))
        context = {"current_session_id": _current_session_id(request)}
        return Response(SessionOutput(sessions, many=True, context=context).data)


class SessionDetailApi(APIView):
    """Ends one session: its refresh token is refused from now on (its access token lives out its minutes)."""

    permission_classes = (IsAuthenticated,)

    @extend_schema(responses={204: OpenApiResponse(description="Session ended"), **problem_responses(401, 404)})
    def delete(self, request: Request, session_id: uuid.UUID) -> Response:
        user_session_end(user=signed_in_user(request), session_id=session_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


class SessionEndOthersApi(APIView):
    """Ends every session of the user except the current one."""

    permission_classes = (IsAuthenticated,)

    @extend_schema(
        request=None,
        responses={
            200: inline_serializer("SessionsEnded", {"ended": serializers.IntegerField()}),
            **problem_responses(401),
        },
    )
    def post(self, request: Request) -> Response:
        ended = user_sessions_end_others(user=signed_in_user(request), current_session_id=_current_session_id(request))
        return Response({"ended": ended})
