"""One error shape for every failure: RFC 9457 problem details.

Every 4xx/5xx leaves as ``application/problem+json``::

    {"type", "title", "status", "detail", "code", "requestId", "errors"?: [{field, code, message}]}

``code`` is machine-readable (DRF's ``default_code`` or a domain code); ``errors``
lists validation failures with camelCase field paths.
"""

from http import HTTPStatus
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, JsonResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from djangorestframework_camel_case.util import camelize_re, underscore_to_camel
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error
from rest_framework.views import set_rollback

from apps.common.logging import server_error_note
from apps.common.outages import SERVICE_ERRORS
from apps.common.request_context import current_request_id

PROBLEM_CONTENT_TYPE = "application/problem+json"


class ApplicationError(Exception):
    """A domain rule said no. Services raise it; the handler renders it.

    ``extensions`` are extra members of the problem document (RFC 9457 3.2), for what a client
    acts on (the new slug of a moved article); ``headers`` go on the response (its Location).
    """

    def __init__(
        self,
        *,
        code: str,
        detail: str,
        status_code: int = HTTPStatus.BAD_REQUEST,
        extensions: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.code = code
        self.detail = detail
        self.status_code = int(status_code)
        self.extensions = extensions or {}
        self.headers = headers or {}


class RateLimited(ApplicationError):
    """Too many attempts of something a service counts itself (failed logins): 429 with ``Retry-After``.

    The request limits per endpoint are DRF's throttles; this is for limits that depend on
    what the service found out (a wrong password), which no throttle sees.
    """

    def __init__(self, *, detail: str, retry_after: int) -> None:
        # DRF's Throttled says the same, so every 429 reads alike whichever counter refused it.
        detail = f"{detail} " + ngettext(
            "Expected available in %(wait)d second.", "Expected available in %(wait)d seconds.", retry_after
        ) % {"wait": retry_after}
        super().__init__(code="throttled", detail=detail, status_code=HTTPStatus.TOO_MANY_REQUESTS)
        self.retry_after = retry_after


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = gettext_lazy("The request body is larger than this endpoint accepts.")
    default_code = "payload_too_large"


class ServiceUnavailable(exceptions.APIException):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_detail = gettext_lazy("The service is briefly unavailable. Try again shortly.")
    default_code = "service_unavailable"


def problem(*, status_code: int, code: str, detail: str, errors: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": settings.API_ERROR_TYPE_BASE_URL + code.replace("_", "-"),
        "title": HTTPStatus(status_code).phrase,
        "status": status_code,
        "detail": detail,
        "code": code,
        "requestId": current_request_id.get(),
    }
    if errors is not None:
        body["errors"] = errors
    return body


def _camel_path(parts: list[str]) -> str | None:
    names = [camelize_re.sub(underscore_to_camel, part) for part in parts if part != "non_field_errors"]
    return ".".join(names) or None


def _flatten_validation_errors(detail: Any, path: list[str] | None = None) -> list[dict[str, Any]]:
    """Turns DRF's nested error dict/list into a flat list of {field, code, message}."""
    path = path or []
    if isinstance(detail, dict):
        return [item for key, value in detail.items() for item in _flatten_validation_errors(value, [*path, str(key)])]
    if isinstance(detail, list):
        if all(isinstance(item, exceptions.ErrorDetail) for item in detail):
            return [{"field": _camel_path(path), "code": item.code, "message": str(item)} for item in detail]
        return [
            item
            for index, value in enumerate(detail)
            for item in _flatten_validation_errors(value, [*path, str(index)])
        ]
    return [{"field": _camel_path(path), "code": getattr(detail, "code", "invalid"), "message": str(detail)}]


def _as_drf_exception(exc: Exception) -> Exception:
    if isinstance(exc, DjangoValidationError):
        return exceptions.ValidationError(as_serializer_error(exc))
    if isinstance(exc, Http404):
        return exceptions.NotFound()
    if isinstance(exc, DjangoPermissionDenied):
        return exceptions.PermissionDenied()
    if isinstance(exc, RequestDataTooBig):
        return PayloadTooLarge()
    if isinstance(exc, SERVICE_ERRORS):
        return ServiceUnavailable()
    return exc


def _code_of(exc: exceptions.APIException) -> str:
    codes = exc.get_codes()
    if isinstance(codes, str):
        return codes
    # simplejwt nests its code in a dict: {"detail": ..., "code": "token_not_valid", "messages": [...]}
    if isinstance(exc.detail, dict) and "code" in exc.detail:
        return str(exc.detail["code"])
    return exc.default_code


def _detail_of(exc: exceptions.APIException) -> str:
    if isinstance(exc.detail, dict) and "detail" in exc.detail:
        return str(exc.detail["detail"])
    if isinstance(exc.detail, str):
        return str(exc.detail)
    return str(exc.default_detail)


def problem_exception_handler(exc: Exception, context: dict[str, Any]) -> Response:
    """DRF ``EXCEPTION_HANDLER``: every exception, expected or not, becomes a problem document."""
    request = context.get("request")
    # Logged once the answer is known, with its status, by ServerErrorLogMiddleware (when a 5xx).
    server_error_note(getattr(request, "_request", None), exc)
    exc = _as_drf_exception(exc)
    headers: dict[str, str] = {}

    if isinstance(exc, ApplicationError):
        if isinstance(exc, RateLimited):
            headers["Retry-After"] = str(exc.retry_after)
        headers.update(exc.headers)
        data = {**exc.extensions, **problem(status_code=exc.status_code, code=exc.code, detail=exc.detail)}
    elif isinstance(exc, exceptions.ValidationError):
        errors = _flatten_validation_errors(exc.detail)
        data = problem(
            status_code=status.HTTP_400_BAD_REQUEST,
            code="validation_error",
            detail=errors[0]["message"] if len(errors) == 1 else _("The request has invalid fields."),
            errors=errors,
        )
    elif isinstance(exc, exceptions.APIException):
        if getattr(exc, "auth_header", None):
            headers["WWW-Authenticate"] = exc.auth_header  # type: ignore[attr-defined]
        if getattr(exc, "wait", None):
            headers["Retry-After"] = str(int(exc.wait))  # type: ignore[attr-defined]
        if isinstance(exc, ServiceUnavailable):
            headers["Retry-After"] = str(settings.SERVICE_UNAVAILABLE_RETRY_AFTER)
        data = problem(status_code=exc.status_code, code=_code_of(exc), detail=_detail_of(exc))
    else:
        data = problem(
            status_code=status.HTTP_500_INTERNAL_SERVER_ERROR,
            code="server_error",
            detail=_("Something went wrong on our side. Quote the request ID when you report it."),
        )

    set_rollback()
    return Response(data, status=data["status"], headers=headers, content_type=PROBLEM_CONTENT_TYPE)


def problem_response(
    request: HttpRequest, *, status_code: int, code: str, detail: str, headers: dict[str, str] | None = None
) -> JsonResponse:
    """For failures outside DRF views (unknown URLs, Django's 500 handler)."""
    return JsonResponse(
        problem(status_code=status_code, code=code, detail=detail),
        status=status_code,
        content_type=PROBLEM_CONTENT_TYPE,
        headers=headers,
    )
