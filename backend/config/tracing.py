"""OpenTelemetry tracing: one trace from the Next.js server or the browser through Django, PostgreSQL,
Redis and the Celery task the request enqueued (docs/observability.md#tracing).

Off unless ``OTEL_EXPORTER_OTLP_ENDPOINT`` is set: then nothing is patched and no provider exists,
so a request pays nothing for it (measured: docs/benchmarks.md#tracing). When on, it starts in two
steps, because gunicorn's ``--preload`` builds the application in the master and forks workers
from it, and a span processor's export thread and HTTP connections must not cross that fork:

- ``tracing_instrument()`` patches Django, psycopg, Redis and Celery. It starts no thread, and must
  run before the WSGI handler is built (the Django instrumentation adds a middleware): ``config.wsgi``.
- ``tracing_provider_setup()`` installs the tracer provider and its OTLP exporter, once per process,
  after any fork: gunicorn's ``post_fork`` hook (gunicorn.conf.py), Celery's ``worker_process_init``
  (config/celery.py), or ``config.wsgi`` itself under another server (runserver).

Instrumentations made before the provider exists take it up when it arrives (their tracers are proxies).
"""

import os
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from opentelemetry import trace
from opentelemetry.context import Context
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import ReadableSpan, Span, SpanProcessor, TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor, SpanExporter
from opentelemetry.sdk.trace.sampling import ParentBased, TraceIdRatioBased

from apps.common.request_context import current_request_id

# The attribute carrying our X-Request-ID on spans; search for it in Jaeger to find a user's request.
REQUEST_ID_ATTRIBUTE = "request.id"

_provider_pid: int | None = None


def tracing_enabled() -> bool:
    return bool(settings.OTEL_EXPORTER_OTLP_ENDPOINT)


def tracing_instrument(*, force: bool = False) -> bool:
    """Patches the libraries when tracing is on (``force``: tests with their own exporter).
    Returns whether tracing is on. Repeated calls are harmless: each instrumentor patches once."""
    if not (force or tracing_enabled()):
        return False
    from opentelemetry.instrumentation.celery import CeleryInstrumentor
    from opentelemetry.instrumentation.django import DjangoInstrumentor
    from opentelemetry.instrumentation.psycopg import PsycopgInstrumentor
    from opentelemetry.instrumentation.redis import RedisInstrumentor

    DjangoInstrumentor().instrument(response_hook=_server_span_request_id, is_sql_commentor_enabled=False)
    PsycopgInstrumentor().instrument()
    RedisInstrumentor().instrument()
    CeleryInstrumentor().instrument()
    return True


def tracing_provider_setup(*, service_name: str | None = None, exporter: SpanExporter | None = None) -> bool:
    """Installs this process's tracer provider, exporting to ``exporter`` or else by OTLP/HTTP to
    ``OTEL_EXPORTER_OTLP_ENDPOINT``. Once per process; returns whether a provider was installed."""
    global _provider_pid  # one provider per process: the OpenTelemetry API takes only one
    if _provider_pid == os.getpid() or not (exporter or tracing_enabled()):
        return False
    if exporter is None:
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

        # As the SDK does with the variable of the same name: the endpoint is the collector's base URL.
        exporter = OTLPSpanExporter(endpoint=settings.OTEL_EXPORTER_OTLP_ENDPOINT.rstrip("/") + "/v1/traces")
    provider = TracerProvider(
        resource=Resource.create(
            {
                "service.name": service_name or settings.OTEL_SERVICE_NAME,
                "deployment.environment.name": settings.DJANGO_ENV,
            }
        ),
        # A sampled (or unsampled) parent from Next.js decides; a trace started here keeps the ratio.
        sampler=ParentBased(TraceIdRatioBased(settings.OTEL_TRACES_SAMPLER_RATIO)),
    )
    provider.add_span_processor(RequestIDSpanProcessor())
    provider.add_span_processor(BatchSpanProcessor(exporter))
    trace.set_tracer_provider(provider)
    _provider_pid = os.getpid()
    return True


class RequestIDSpanProcessor(SpanProcessor):
    """Stamps every span started while a request or task is in progress with its request ID: the
    database, cache and publish spans of a request, and the spans of the task it enqueued."""

    def on_start(self, span: Span, parent_context: Context | None = None) -> None:
        request_id = current_request_id.get()
        if request_id != "-":
            span.set_attribute(REQUEST_ID_ATTRIBUTE, request_id)

    def on_end(self, span: ReadableSpan) -> None:
        pass


def _server_span_request_id(span: Any, request: HttpRequest, response: HttpResponse) -> None:
    # The server span starts before RequestIDMiddleware has chosen the ID, so it is stamped at the end.
    request_id = getattr(request, "request_id", None)
    if request_id and span.is_recording():
        span.set_attribute(REQUEST_ID_ATTRIBUTE, request_id)
