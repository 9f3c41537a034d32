"""OpenTelemetry: one trace from the caller's traceparent through the API request to the task it
enqueued, however late the outbox relay publishes it (config/tracing.py, docs/observability.md)."""

import contextlib
import logging
from datetime import timedelta

import pytest
from django.db import transaction
from opentelemetry import propagate, trace
from opentelemetry.instrumentation.celery import CeleryInstrumentor
from opentelemetry.instrumentation.django import DjangoInstrumentor
from opentelemetry.instrumentation.psycopg import PsycopgInstrumentor
from opentelemetry.instrumentation.redis import RedisInstrumentor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from apps.accounts.tests.apis.auth import RESET
from apps.common.logging import RequestIDFilter
from apps.jobs.models import OutboxMessage
from apps.jobs.services import enqueue_on_commit, outbox_relay
from apps.jobs.tests import broker_tasks
from config.tracing import REQUEST_ID_ATTRIBUTE, tracing_instrument, tracing_provider_setup

pytestmark = pytest.mark.django_db

# As the Next.js server or the browser's API client sends it: version, trace ID, parent span ID, sampled.
CALLER_TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736"
TRACEPARENT = f"00-{CALLER_TRACE_ID}-00f067aa0ba902b7-01"

_exporter = InMemorySpanExporter()


@pytest.fixture
def spans():
    """Tracing on, as with OTEL_EXPORTER_OTLP_ENDPOINT set, exporting to memory; off again afterwards."""
    # The OpenTelemetry API takes one tracer provider per process: the first test installs it.
    tracing_provider_setup(exporter=_exporter)
    tracing_instrument(force=True)
    _exporter.clear()
    yield _exporter
    for instrumentor in (DjangoInstrumentor, PsycopgInstrumentor, RedisInstrumentor, CeleryInstrumentor):
        instrumentor().uninstrument()
    _exporter.clear()


def finished(exporter):
    trace.get_tracer_provider().force_flush()
    return exporter.get_finished_spans()


def test_request_and_the_task_it_enqueued_share_one_trace_through_the_outbox_relay(
    api_client, user, spans, django_capture_on_commit_callbacks
):
    # The fast path is held back: the task goes out later through the relay, outside the request.
    with django_capture_on_commit_callbacks(execute=False):
        response = api_client.post(
            RESET, {"email": user.email}, HTTP_TRACEPARENT=TRACEPARENT, HTTP_X_REQUEST_ID="req-trace-1"
        )
    assert response.status_code == 202
    assert OutboxMessage.objects.get().trace_context["traceparent"].startswith(f"00-{CALLER_TRACE_ID}-")

    assert outbox_relay(grace=timedelta(0)) == 1

    by_name = {span.name: span for span in finished(spans)}
    server = by_name["POST api/v1/auth/password/reset/"]
    task = by_name["run/apps.accounts.tasks.send_password_reset_email"]
    assert format(server.context.trace_id, "032x") == CALLER_TRACE_ID
    assert task.context.trace_id == server.context.trace_id
    assert server.attributes[REQUEST_ID_ATTRIBUTE] == "req-trace-1"
    assert task.attributes[REQUEST_ID_ATTRIBUTE] == "req-trace-1"


def test_relay_publishes_a_message_in_the_trace_it_was_written_in(spans, monkeypatch):
    from config.celery import app as celery_app

    injected = []

    def send_task(name, **options):
        # What the Celery instrumentation's publish hook puts into the message headers.
        carrier = {}
        propagate.inject(carrier)
        injected.append(carrier["traceparent"])

    monkeypatch.setattr(celery_app, "send_task", send_task)
    celery_app.conf.task_always_eager = False
    try:
        with trace.get_tracer("test").start_as_current_span("request") as span, transaction.atomic():
            enqueue_on_commit(broker_tasks.log_message, "hello")
        # Published later, by the relay, with no span around it.
        assert outbox_relay(grace=timedelta(0)) == 1
    finally:
        celery_app.conf.task_always_eager = True

    [traceparent] = injected
    assert traceparent.split("-")[1] == format(span.get_span_context().trace_id, "032x")


def test_the_fast_path_publishes_on_its_thread_in_the_requests_trace(
    spans, monkeypatch, django_capture_on_commit_callbacks
):
    """The request's publish runs on a publishing thread (apps/jobs/publishing.py): the trace context
    and the request ID go with it, into the task headers and the thread's log lines."""
    import threading

    from apps.common.request_context import current_request_id
    from apps.jobs import publishing
    from config.celery import app as celery_app

    class Connection:
        def Producer(self):  # kombu's name
            return None

    class Pool:
        def acquire(self, **_):
            return contextlib.nullcontext(Connection())

    published = []

    def send_task(name, **options):
        carrier = {}
        propagate.inject(carrier)
        published.append((threading.current_thread().name, carrier["traceparent"], current_request_id.get()))

    monkeypatch.setattr(publishing, "_pool", Pool)
    monkeypatch.setattr(celery_app, "send_task", send_task)
    celery_app.conf.task_always_eager = False
    token = current_request_id.set("req-fast-1")
    try:
        with (
            trace.get_tracer("test").start_as_current_span("request") as span,
            django_capture_on_commit_callbacks(execute=True),
        ):
            enqueue_on_commit(broker_tasks.log_message, "hello")
    finally:
        current_request_id.reset(token)
        celery_app.conf.task_always_eager = True

    [(thread, traceparent, request_id)] = published
    assert thread.startswith("publish")
    assert traceparent.split("-")[1] == format(span.get_span_context().trace_id, "032x")
    assert request_id == "req-fast-1"
    assert not OutboxMessage.objects.exists()  # published within the budget: the row is gone


def test_log_records_carry_the_trace_id_in_progress(spans):
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "inside", None, None)
    outside = logging.LogRecord("x", logging.INFO, __file__, 1, "outside", None, None)
    with trace.get_tracer("test").start_as_current_span("work") as span:
        RequestIDFilter().filter(record)
    RequestIDFilter().filter(outside)

    assert record.trace_id == format(span.get_span_context().trace_id, "032x")
    assert outside.trace_id == "-"


def test_without_an_endpoint_nothing_is_instrumented(settings):
    settings.OTEL_EXPORTER_OTLP_ENDPOINT = ""
    middleware = list(settings.MIDDLEWARE)

    assert tracing_instrument() is False
    assert tracing_provider_setup() is False
    assert middleware == settings.MIDDLEWARE
    assert not DjangoInstrumentor().is_instrumented_by_opentelemetry
    assert enqueue_on_commit(broker_tasks.log_message, "untraced").trace_context == {}
