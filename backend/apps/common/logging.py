import logging

from opentelemetry import trace

from apps.common.request_context import current_request_id


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
