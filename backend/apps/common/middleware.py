import logging
from collections.abc import Callable

import sentry_sdk
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.http.request import split_domain_port, validate_host

from apps.common.auth import client_ip
from apps.common.exceptions import ServiceUnavailable, problem_response
from apps.common.logging import SERVER_ERROR_ATTRIBUTE, server_error_note
from apps.common.outages import SERVICE_ERRORS
from apps.common.request_context import REQUEST_ID_HEADER, accept_request_id, current_request_id

PROBE_PATHS = frozenset({"/healthz", "/readyz", "/metrics"})

server_errors_logger = logging.getLogger("apps.server_errors")


class ServerErrorLogMiddleware:
    """Writes one error line for every 5xx answer, from DRF views, Django views or middleware alike.

    Outermost, so it sees the answer to every exception Django turned into a 500 anywhere
    below it. The exception comes from ``server_error_note`` (DRF's exception handler,
    ``ServiceUnavailableMiddleware``, Django's ``got_request_exception``); the traceback is
    logged for 500s only: a 503 names an outage outside this process, which needs none.
    Django's own ``django.request`` line is switched off (config/settings/observability.py).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code >= 500:
            exc: BaseException | None = getattr(request, SERVER_ERROR_ATTRIBUTE, None)
            exception = f"{type(exc).__name__}: {exc}" if exc is not None else ""
            server_errors_logger.error(
                "%s %s answered %d%s",
                request.method,
                request.path,
                response.status_code,
                f" ({exception})" if exception else "",
                exc_info=exc if exc is not None and response.status_code == 500 else None,
                extra={
                    # The middleware that set it has finished; the request keeps it.
                    "request_id": getattr(request, "request_id", "-"),
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "exception": exception,
                },
            )
        return response


class ProbeHostMiddleware:
    """Lets kubelet probes and Prometheus scrapes through host validation.

    They reach a pod by its IP, which is not (and should not be) in ALLOWED_HOSTS, and
    cannot always set a Host header. For these three paths only, an unknown host is
    replaced by the first allowed one; they build no URLs, so nothing depends on it.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path in PROBE_PATHS and settings.ALLOWED_HOSTS:
            host = request.META.get("HTTP_HOST", "")
            if not validate_host(split_domain_port(host)[0], settings.ALLOWED_HOSTS):
                request.META["HTTP_HOST"] = settings.ALLOWED_HOSTS[0].lstrip(".").replace("*", "localhost")
        return self.get_response(request)


class RequestIDMiddleware:
    """Accepts or creates ``X-Request-ID``, exposes it to logs and echoes it back."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = accept_request_id(request.headers.get(REQUEST_ID_HEADER))
        request.request_id = request_id  # type: ignore[attr-defined]
        token = current_request_id.set(request_id)
        # Sentry's Django integration gives each request its own scope: the tag is this request's.
        sentry_sdk.set_tag("request_id", request_id)
        try:
            response = self.get_response(request)
        finally:
            current_request_id.reset(token)
        response[REQUEST_ID_HEADER] = request_id
        return response


class ClientAddressMiddleware:
    """Puts the client's address (``client_ip``: X-Forwarded-For as far as ``TRUSTED_PROXIES``
    vouch for it) into ``REMOTE_ADDR``, so DRF's throttles, which key on ``REMOTE_ADDR`` with
    ``NUM_PROXIES`` 0, count the same address as the failed-login guard and the sessions list."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.META["REMOTE_ADDR"] = client_ip(request)
        return self.get_response(request)


class ServiceUnavailableMiddleware:
    """Outside DRF views (the admin, Django's own pages): a database or cache that does not answer
    is a 503 with Retry-After, as the exception handler answers inside the API, not a 500."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, SERVICE_ERRORS):
            return None
        server_error_note(request, exception)
        headers = {"Retry-After": str(settings.SERVICE_UNAVAILABLE_RETRY_AFTER)}
        detail = str(ServiceUnavailable.default_detail)
        if request.path.startswith("/api/"):
            return problem_response(
                request, status_code=503, code=ServiceUnavailable.default_code, detail=detail, headers=headers
            )
        return HttpResponse(detail, status=503, content_type="text/plain; charset=utf-8", headers=headers)
