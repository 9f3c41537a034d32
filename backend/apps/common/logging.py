"""Log records carry the request ID; every 5xx answer is one error line (``ServerErrorLogMiddleware``)."""

import logging
import sys
from typing import Any

from django.http import HttpRequest
from opentelemetry import trace

from apps.common.request_context import current_request_id

# The exception behind a 5xx, kept on the request until the middleware writes its line.
SERVER_ERROR_ATTRIBUTE = "server_error"


class RequestIDFilter(logging.Filter):
    """Stamps every log record with the request (or task) ID in progress and the trace ID in
    progress (32 hex digits, as Jaeger shows it; "-" when nothing is traced)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = current_request_id.get()
        if not hasattr(record, "trace_id"):
            span_context = trace.get_current_span().get_span_context()
            record.trace_id = format(span_context.trace_id, "032x") if span_context.is_valid else "-"
        return True


def server_error_note(request: HttpRequest | None, exc: BaseException | None) -> None:
    """Keeps ``exc`` for the one log line of the request's 5xx answer (written by the middleware)."""
    if request is not None and exc is not None:
        setattr(request, SERVER_ERROR_ATTRIBUTE, exc)


def uncaught_exception_note(sender: Any, request: HttpRequest | None = None, **_: Any) -> None:
    """``got_request_exception``: Django turns an exception outside DRF into a 500 (handler500)."""
    server_error_note(request, sys.exc_info()[1])
