"""``/metrics``: Prometheus exposition, for scrapers holding ``METRICS_TOKEN`` only.

What is exported, and how to scrape it: docs/observability.md.
"""

import hmac

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, generate_latest, multiprocess

from apps.common.decorators import require_GET
from apps.common.exceptions import problem_response
from apps.jobs.metrics import collector_register


def _registry() -> CollectorRegistry:
    if not settings.PROMETHEUS_MULTIPROC_DIR:
        return REGISTRY
    # Several processes (gunicorn workers): read every process's files, plus the Celery
    # collector, which reads shared state (Redis, RabbitMQ) and so is right from any process.
    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry, path=settings.PROMETHEUS_MULTIPROC_DIR)
    collector_register(registry)
    return registry


@require_GET
def metrics_view(request: HttpRequest) -> HttpResponse:
    if not settings.METRICS_TOKEN:
        # No token configured means no one may scrape: metrics reveal traffic and internals.
        return problem_response(
            request,
            status_code=403,
            code="permission_denied",
            detail="Metrics are off: set METRICS_TOKEN and scrape with 'Authorization: Bearer <token>'.",
        )
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(token.encode(), settings.METRICS_TOKEN.encode()):
        response = problem_response(
            request,
            status_code=401,
            code="not_authenticated",
            detail="Send the metrics token as 'Authorization: Bearer <METRICS_TOKEN>'.",
        )
        response["WWW-Authenticate"] = 'Bearer realm="metrics"'
        return response
    return HttpResponse(generate_latest(_registry()), content_type=CONTENT_TYPE_LATEST)
