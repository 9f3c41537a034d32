"""Schema generation: every operation documents the one error shape."""

from typing import Any

from drf_spectacular import openapi
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers

from apps.common.exceptions import PROBLEM_CONTENT_TYPE


class ProblemFieldErrorSerializer(serializers.Serializer):
    field = serializers.CharField(allow_null=True, help_text="camelCase path of the field; null for the whole request")
    code = serializers.CharField()
    message = serializers.CharField()


class ProblemSerializer(serializers.Serializer):
    """RFC 9457 problem details, the body of every 4xx and 5xx response."""

    type = serializers.URLField()
    title = serializers.CharField()
    status = serializers.IntegerField()
    detail = serializers.CharField()
    code = serializers.CharField(help_text="Machine-readable error code, e.g. validation_error, token_not_valid")
    request_id = serializers.CharField()
    # A field named like Serializer.errors is fine: DRF moves declared fields off the class.
    errors = ProblemFieldErrorSerializer(  # type: ignore[assignment]
        many=True, required=False, help_text="Present on validation errors"
    )


def problem_responses(*codes: int) -> dict[tuple[int, str], OpenApiResponse]:
    return {(code, PROBLEM_CONTENT_TYPE): OpenApiResponse(ProblemSerializer) for code in codes}


class AutoSchema(openapi.AutoSchema):
    """Adds the problem responses every endpoint can produce, unless a view documents its own."""

    def _get_response_bodies(self, direction: openapi.Direction = "response") -> dict[str, Any]:
        responses = super()._get_response_bodies(direction)
        # 503: the database or Redis did not answer (apps/common/outages.py), any endpoint.
        codes = ["400", "429", "500", "503"]
        if self.get_auth() and any(requirement for requirement in self.get_auth()):
            codes += ["401"]
        if self.method != "POST" or "{" in self.path:
            codes += ["404"]
        for code in codes:
            if code not in responses:
                responses[code] = self._get_response_for_code(ProblemSerializer, code, [PROBLEM_CONTENT_TYPE])
        return responses
