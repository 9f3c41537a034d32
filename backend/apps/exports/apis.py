"""Personal data export endpoints. Thin: call one service or selector, serialise."""

from django.utils import timezone
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_serializer
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import BaseThrottle, ScopedRateThrottle, UserRateThrottle
from rest_framework.views import APIView

from apps.common.auth import signed_in_user
from apps.common.openapi import problem_responses
from apps.exports import selectors, services
from apps.exports.models import Export


@extend_schema_serializer(component_name="ExportFailure")
class ExportFailureSerializer(serializers.Serializer):
    """Why an export failed, told to its owner; the exception text stays with operators (admin, logs)."""

    code = serializers.ChoiceField(choices=Export.FailureCode.choices, help_text="Stable: clients may translate it")
    message = serializers.CharField(help_text="The reason in the request's language")


class ExportSerializer(serializers.ModelSerializer):
    download_url = serializers.SerializerMethodField(help_text="Presigned, short-lived; null until succeeded")
    failure = serializers.SerializerMethodField(help_text="Why it failed; null unless failed")

    class Meta:
        model = Export
        fields = ("id", "status", "progress", "size", "download_url", "failure", "expires_at", "created_at")
        read_only_fields = fields

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_download_url(self, export: Export) -> str | None:
        if export.status != Export.Status.SUCCEEDED or not export.file:
            return None
        if export.expires_at is not None and export.expires_at <= timezone.now():
            return None
        return export.file.url

    @extend_schema_field(ExportFailureSerializer(allow_null=True))
    def get_failure(self, export: Export) -> dict[str, str] | None:
        if export.status != Export.Status.FAILED:
            return None
        code = Export.FailureCode(export.failure_code or Export.FailureCode.BUILD_ERROR)
        return {"code": code.value, "message": str(code.label)}


class ExportListApi(APIView):
    """Your exports, and starting a new one."""

    throttle_scope = "exports"

    def get_throttles(self) -> list[BaseThrottle]:
        # The exports rate counts exports started; reading the list counts only against the user rate.
        if self.request.method == "POST":
            return [ScopedRateThrottle(), UserRateThrottle()]
        return [UserRateThrottle()]

    @extend_schema(
        operation_id="users_me_exports_list",
        responses={200: ExportSerializer(many=True), **problem_responses(401)},
        description=f"Your newest exports (at most {selectors.EXPORTS_LIST_LIMIT}), newest first. "
        "An export pending or running is the first one: poll it for progress.",
    )
    def get(self, request: Request) -> Response:
        exports = selectors.exports_list_for_user(user=signed_in_user(request))
        return Response(ExportSerializer(exports, many=True).data)

    @extend_schema(
        request=None,
        responses={202: ExportSerializer, **problem_responses(401, 409, 429)},
        description="Starts an export of all your personal data (zip). Poll the returned export for progress.",
    )
    def post(self, request: Request) -> Response:
        export = services.export_request(user=signed_in_user(request))
        return Response(ExportSerializer(export).data, status=status.HTTP_202_ACCEPTED)


class ExportDetailApi(APIView):
    """One of your exports: its status, progress and, once done, the download URL."""

    @extend_schema(responses={200: ExportSerializer, **problem_responses(401, 404)})
    def get(self, request: Request, export_id: str) -> Response:
        export = selectors.export_get_for_user(user=signed_in_user(request), export_id=export_id)
        return Response(ExportSerializer(export).data)
