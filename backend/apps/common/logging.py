import logging

from apps.common.request_context import current_request_id


class RequestIDFilter(logging.Filter):
    """Stamps every log record with the request (or task) ID in progress."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = current_request_id.get()
        return True
