from http import HTTPStatus

from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.common.health import readiness


class HealthApi(APIView):
    """Liveness: the process answers. Touches no dependency."""

    authentication_classes = ()
    permission_classes = (AllowAny,)
    throttle_classes = ()

    @extend_schema(responses=inline_serializer("Health", {"status": serializers.CharField()}))
    def get(self, request: Request) -> Response:
        return Response({"status": "ok"})


class ReadinessApi(APIView):
    """Readiness: database and cache answer; 503 when one does not. The broker and storage are only reported."""

    authentication_classes = ()
    permission_classes = (AllowAny,)
    throttle_classes = ()
    # While the broker or the storage is down most requests still succeed (tasks wait in the outbox),
    # so their outage must not take every pod out of the Service (docs/decisions/0018 and 0026).

    class ComponentSerializer(serializers.Serializer):
        name = serializers.CharField()
        status = serializers.ChoiceField(choices=["ok", "error", "not_configured"])
        latency_ms = serializers.FloatField(allow_null=True)
        error = serializers.CharField(allow_null=True)

    @extend_schema(
        responses={
            200: inline_serializer(
                "Readiness", {"status": serializers.CharField(), "components": ComponentSerializer(many=True)}
            ),
            503: inline_serializer(
                "ReadinessFailed", {"status": serializers.CharField(), "components": ComponentSerializer(many=True)}
            ),
        }
    )
    def get(self, request: Request) -> Response:
        components = readiness()
        ready = all(component.healthy for component in components)
        return Response(
            {"status": "ok" if ready else "error", "components": self.ComponentSerializer(components, many=True).data},
            status=HTTPStatus.OK if ready else HTTPStatus.SERVICE_UNAVAILABLE,
        )
