"""Every 5xx is one JSON log line with request ID, path, status and exception; Sentry gets the request ID."""

import json
import logging
from collections.abc import Callable

import pytest
import sentry_sdk
from django.conf import settings
from django.db import OperationalError
from django.http import HttpRequest, HttpResponse
from pythonjsonlogger.json import JsonFormatter
from sentry_sdk.transport import Transport

from apps.common.logging import RequestIDFilter

pytestmark = [pytest.mark.django_db, pytest.mark.urls("apps.common.tests.urls")]


class ExplodingMiddleware:
    """Fails in a middleware, below the request-ID middleware: no view, no DRF."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path == "/middleware/explode/":
            raise KeyError("session store lost its key")
        return self.get_response(request)


@pytest.fixture
def error_lines(client, caplog):
    """The production JSON lines of what the request logged at ERROR and above, parsed."""
    client.raise_request_exception = False
    caplog.handler.addFilter(RequestIDFilter())
    json_formatter = settings.LOGGING["formatters"]["json"]
    formatter = JsonFormatter(fmt=json_formatter["fmt"], rename_fields=json_formatter["rename_fields"])
    caplog.set_level(logging.ERROR)

    def lines() -> list[dict[str, object]]:
        return [
            json.loads(formatter.format(record))
            for record in caplog.records
            # pytest hangs its capture on django.request too; production gives it a handler that drops.
            if record.levelno >= logging.ERROR and record.name != "django.request"
        ]

    return lines


def test_djangos_own_line_for_a_500_is_dropped_not_printed_by_the_last_resort_handler():
    request_logger = settings.LOGGING["loggers"]["django.request"]
    assert request_logger["propagate"] is False
    assert [settings.LOGGING["handlers"][name]["class"] for name in request_logger["handlers"]] == [
        "logging.NullHandler"
    ]


def test_a_500_in_a_drf_view_is_one_line_with_id_path_status_and_exception(client, error_lines):
    response = client.get("/api/v1/test/explode/", HTTP_X_REQUEST_ID="drf-500")

    assert response.status_code == 500
    [line] = error_lines()
    assert line["request_id"] == response.json()["requestId"] == "drf-500"
    assert (line["path"], line["status"], line["level"]) == ("/api/v1/test/explode/", 500, "ERROR")
    assert line["exception"] == "RuntimeError: database password is hunter2"
    assert "Traceback" in line["exc_info"]


def test_a_500_in_a_plain_django_view_is_logged_the_same_way(client, error_lines, capfd):
    response = client.get("/plain/explode/", HTTP_X_REQUEST_ID="django-500")

    assert response.status_code == 500
    [line] = error_lines()
    assert (line["request_id"], line["path"], line["status"]) == ("django-500", "/plain/explode/", 500)
    assert line["exception"] == "RuntimeError: the template engine broke"
    # Not Python's last-resort handler printing plain text to stderr, as before.
    assert "Internal Server Error" not in capfd.readouterr().err


def test_a_500_raised_in_a_middleware_is_logged_the_same_way(client, error_lines, settings):
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, f"{__name__}.ExplodingMiddleware"]

    response = client.get("/middleware/explode/", HTTP_X_REQUEST_ID="middleware-500")

    assert response.status_code == 500
    [line] = error_lines()
    assert (line["request_id"], line["path"], line["status"]) == ("middleware-500", "/middleware/explode/", 500)
    assert line["exception"] == "KeyError: 'session store lost its key'"


def test_a_503_of_an_outage_is_one_line_without_a_traceback(client, error_lines, monkeypatch):
    from rest_framework.views import APIView

    def database_down(*args, **kwargs):
        raise OperationalError("connection to server at 10.0.0.5 failed")

    monkeypatch.setattr(APIView, "initial", database_down)

    response = client.get("/api/v1/test/echo/", HTTP_X_REQUEST_ID="outage-503")

    assert response.status_code == 503
    [line] = error_lines()
    assert (line["request_id"], line["status"]) == ("outage-503", 503)
    assert line["exception"] == "OperationalError: connection to server at 10.0.0.5 failed"
    assert "exc_info" not in line


def test_client_errors_write_no_error_line(client, error_lines):
    assert client.get("/api/v1/test/domain-error/").status_code == 409
    assert client.get("/api/v1/no-such-thing/").status_code == 404
    assert error_lines() == []


class CapturingTransport(Transport):
    def __init__(self, options=None):
        super().__init__(options)
        self.events: list[dict[str, object]] = []

    def capture_envelope(self, envelope):
        for item in envelope.items:
            if item.type == "event":
                self.events.append(item.payload.json)


@pytest.fixture
def sentry_events():
    transport = CapturingTransport()
    sentry_sdk.init(dsn="https://public@sentry.invalid/1", transport=transport, default_integrations=True)
    yield transport.events
    sentry_sdk.get_client().close()
    sentry_sdk.init()  # no DSN: the SDK is off again for the tests that follow


def test_sentry_events_of_a_request_carry_its_request_id_as_a_tag(client, sentry_events):
    client.raise_request_exception = False

    response = client.get("/plain/explode/", HTTP_X_REQUEST_ID="sentry-me")

    assert response.status_code == 500
    [event] = sentry_events
    assert event["tags"]["request_id"] == "sentry-me"
