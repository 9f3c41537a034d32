"""Logs (JSON with the request and trace IDs in production), Sentry, Prometheus metrics and
OpenTelemetry tracing (docs/observability.md)."""

from config.settings.environment import DJANGO_ENV, IS_PRODUCTION, env

LOG_LEVEL = env.str("LOG_LEVEL", default="INFO")
LOG_FORMAT = env.str("LOG_FORMAT", default="json" if IS_PRODUCTION else "console")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "apps.common.logging.RequestIDFilter"}},
    # trace_id is "-" while tracing is off (OTEL_EXPORTER_OTLP_ENDPOINT unset) or nothing is traced.
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s %(trace_id)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
        "console": {"format": "%(asctime)s %(levelname)-8s [%(request_id)s %(trace_id)s] %(name)s: %(message)s"},
    },
    "handlers": {
        "null": {"class": "logging.NullHandler"},
        "default": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["request_id"],
        },
    },
    "root": {"handlers": ["default"], "level": LOG_LEVEL},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # ServerErrorLogMiddleware writes the one line of each 5xx, with request ID, status and exception.
        # A handler that drops, not none: a logger with no handler falls to Python's last-resort stderr.
        "django.request": {"level": "ERROR", "handlers": ["null"], "propagate": False},
    },
}

# https://docs.sentry.io/platforms/python/integrations/django/
SENTRY_DSN = env.str("SENTRY_DSN", default="")
SENTRY_ENVIRONMENT = env.str("SENTRY_ENVIRONMENT", default=DJANGO_ENV)
SENTRY_RELEASE = env.str("SENTRY_RELEASE", default="") or None
SENTRY_TRACES_SAMPLE_RATE = env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0)
if SENTRY_DSN:
    import sentry_sdk

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=SENTRY_ENVIRONMENT,
        release=SENTRY_RELEASE,
        traces_sample_rate=SENTRY_TRACES_SAMPLE_RATE,
        send_default_pii=False,
    )

METRICS_TOKEN = env.str("METRICS_TOKEN", default="")
# Set (to an empty, writable directory) when several processes serve /metrics, as gunicorn's
# workers do: prometheus_client then sums every process's counts (docs/observability.md).
# https://prometheus.github.io/client_python/multiprocess/
PROMETHEUS_MULTIPROC_DIR = env.str("PROMETHEUS_MULTIPROC_DIR", default="")

# OpenTelemetry (config/tracing.py): spans are made and exported by OTLP/HTTP only while the endpoint
# (the collector's base URL, e.g. http://jaeger:4318) is set; unset, nothing is instrumented.
OTEL_EXPORTER_OTLP_ENDPOINT = env.str("OTEL_EXPORTER_OTLP_ENDPOINT", default="")
# Web processes report as this name, Celery workers as "<name>-worker".
OTEL_SERVICE_NAME = env.str("OTEL_SERVICE_NAME", default="starter-api")
# Share of traces started here that are kept; a traceparent from Next.js decides for its own trace.
OTEL_TRACES_SAMPLER_RATIO = env.float("OTEL_TRACES_SAMPLER_RATIO", default=1.0)
