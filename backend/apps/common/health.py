"""Readiness probes for the services the API depends on.

Each check returns its status and latency. A service that is not configured
(embedded defaults) reports ``not_configured`` and does not fail readiness.
"""

import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import connection
from kombu import Connection

BROKER_TIMEOUT_SECONDS = 2


@dataclass(frozen=True)
class ComponentStatus:
    name: str
    status: str  # "ok" | "error" | "not_configured"
    latency_ms: float | None = None
    error: str | None = None

    @property
    def healthy(self) -> bool:
        return self.status != "error"


def _check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _check_cache() -> None:
    key = f"readyz:{uuid.uuid4().hex}"
    cache.set(key, "1", timeout=5)
    if cache.get(key) != "1":
        raise RuntimeError("cache did not return the value just written")
    cache.delete(key)


def _check_broker() -> None:
    with Connection(settings.CELERY_BROKER_URL, connect_timeout=BROKER_TIMEOUT_SECONDS) as broker:
        broker.ensure_connection(max_retries=1, timeout=BROKER_TIMEOUT_SECONDS)


def _check_storage() -> None:
    # exists() on a missing key is one HEAD request on S3 and one stat() locally.
    default_storage.exists(f"readyz/{uuid.uuid4().hex}")


def _run(name: str, check: Callable[[], None], configured: bool) -> ComponentStatus:
    if not configured:
        return ComponentStatus(name=name, status="not_configured")
    started = time.perf_counter()
    try:
        check()
    except Exception as exc:  # noqa: BLE001 - any failure means "not ready"; the type is reported
        return ComponentStatus(
            name=name,
            status="error",
            latency_ms=round((time.perf_counter() - started) * 1000, 1),
            error=type(exc).__name__,
        )
    return ComponentStatus(name=name, status="ok", latency_ms=round((time.perf_counter() - started) * 1000, 1))


def readiness() -> list[ComponentStatus]:
    return [
        _run("database", _check_database, configured=True),
        _run("cache", _check_cache, configured=bool(settings.REDIS_URL)),
        _run("broker", _check_broker, configured=bool(settings.CELERY_BROKER_URL)),
        _run("storage", _check_storage, configured=True),
    ]
