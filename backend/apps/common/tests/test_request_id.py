import logging

import pytest

from apps.common.logging import RequestIDFilter
from apps.common.request_context import current_request_id

pytestmark = pytest.mark.django_db


def test_request_id_is_created_and_returned(client):
    response = client.get("/healthz")

    assert len(response["X-Request-ID"]) == 32


def test_a_safe_incoming_request_id_is_kept(client):
    response = client.get("/healthz", HTTP_X_REQUEST_ID="frontend-abc.123")

    assert response["X-Request-ID"] == "frontend-abc.123"


@pytest.mark.parametrize("unsafe", ["with space", "x" * 129, "line\nbreak", "<script>"])
def test_an_unsafe_incoming_request_id_is_replaced(client, unsafe):
    response = client.get("/healthz", HTTP_X_REQUEST_ID=unsafe)

    assert response["X-Request-ID"] != unsafe


def test_log_records_carry_the_request_id_in_progress_and_a_dash_outside_requests():
    token = current_request_id.set("abc123")
    inside = logging.LogRecord("x", logging.INFO, __file__, 1, "inside", None, None)
    RequestIDFilter().filter(inside)
    current_request_id.reset(token)
    outside = logging.LogRecord("x", logging.INFO, __file__, 1, "outside", None, None)
    RequestIDFilter().filter(outside)

    assert (inside.request_id, outside.request_id) == ("abc123", "-")


@pytest.mark.urls("apps.common.tests.urls")
def test_the_error_log_of_a_failed_request_carries_its_id(client, caplog):
    client.raise_request_exception = False
    caplog.handler.addFilter(RequestIDFilter())

    with caplog.at_level(logging.ERROR):
        response = client.get("/api/v1/test/explode/", HTTP_X_REQUEST_ID="trace-me")

    assert response.json()["requestId"] == "trace-me"
    handler_records = [record for record in caplog.records if record.name == "apps.server_errors"]
    assert [record.request_id for record in handler_records] == ["trace-me"]
