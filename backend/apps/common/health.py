"""Readiness probes: django-health-check's checks, reported in the API's documented shape.

django-health-check runs the checks (with timeouts, concurrently); its own view answers
another shape and 500, so ``ReadinessApi`` keeps the contract (docs/decisions/0018).
A service that is not configured (embedded defaults) reports ``not_configured``. Only
what a web pod cannot serve without fails readiness: the database and the cache (which
holds the throttles and login counters, and fails closed). The broker and the storage are
reported with their latency, but an outage of either would fail every pod at once and
take the whole site out of the Service, while most requests still succeed: tasks wait
in the outbox (docs/background-jobs.md), and only uploads and exports need the storage.
The worker Deployments probe the broker themselves (``worker_probe``, docs/operations.md).
"""

import asyncio
import dataclasses
import datetime
from dataclasses import dataclass

from amqp.exceptions import AMQPError
from django.conf import settings
from health_check.base import HealthCheck, HealthCheckResult
from health_check.checks import Cache, Database, Storage
from health_check.exceptions import ServiceUnavailable
from kombu import Connection
from kombu.exceptions import OperationalError as BrokerOperationalError


@dataclasses.dataclass
class Broker(HealthCheck):
    """Connects to the Celery broker with kombu, as the app publishes (django-health-check's own
    RabbitMQ check would add aio-pika for the same answer)."""

    url: str = dataclasses.field(repr=False)
    # One attempt within this: a broker that accepts and never answers must not outlast the probe's timeout.
    timeout: datetime.timedelta = dataclasses.field(default=datetime.timedelta(seconds=2), repr=False)

    def run(self) -> None:
        seconds = self.timeout.total_seconds()
        try:
            with Connection(self.url, connect_timeout=seconds, transport_options={"max_retries": 0}) as broker:
                broker.ensure_connection(max_retries=0, timeout=seconds)
        except (BrokerOperationalError, AMQPError, OSError) as error:
            raise ServiceUnavailable(f"cannot connect to the broker ({type(error).__name__})") from error


@dataclass(frozen=True)
class ComponentStatus:
    name: str
    status: str  # "ok" | "error" | "not_configured"
    latency_ms: float | None = None
    error: str | None = None
    required: bool = True

    @property
    def healthy(self) -> bool:
        return self.status != "error" or not self.required


@dataclass(frozen=True)
class Component:
    name: str
    check: HealthCheck | None  # None: not configured
    required: bool = True


def _components() -> list[Component]:
    return [
        Component("database", Database()),
        Component("cache", Cache() if settings.REDIS_URL else None),
        Component("broker", Broker(url=settings.CELERY_BROKER_URL) if settings.CELERY_BROKER_URL else None, False),
        Component("storage", Storage(), False),
    ]


def _status(component: Component, result: HealthCheckResult | None) -> ComponentStatus:
    if result is None:
        return ComponentStatus(name=component.name, status="not_configured", required=component.required)
    return ComponentStatus(
        name=component.name,
        status="error" if result.error else "ok",
        latency_ms=round(result.time_taken * 1000, 1),
        error=str(result.error) if result.error else None,
        required=component.required,
    )


async def _results(components: list[Component]) -> list[HealthCheckResult | None]:
    async def result(check: HealthCheck | None) -> HealthCheckResult | None:
        return None if check is None else await check.get_result()

    return await asyncio.gather(*(result(component.check) for component in components))


def readiness() -> list[ComponentStatus]:
    """Runs the checks concurrently (each within its own timeout) and reports every component."""
    components = _components()
    results = asyncio.run(_results(components))
    return [_status(component, result) for component, result in zip(components, results, strict=True)]
