"""Publishing from a request: within a small time budget, and not at all while the broker is known to fail.

A broker that accepts TCP connections but never answers (overloaded, half-partitioned,
under a resource alarm) otherwise holds a sync web worker for the full connection timeout
of every enqueue. Here every step of the fast path is bounded by ``TASK_PUBLISH_TIMEOUT``:
the TCP connect and AMQP handshake (``connect_timeout``), socket reads and writes, and the
publisher confirm (``confirm_timeout``); there is no retry. A message that misses the budget
stays in the outbox for the relay (apps/jobs/services.py).

After a failure the circuit breaker opens for ``TASK_PUBLISH_BREAKER_COOLDOWN`` seconds:
requests in this process leave their messages to the relay without trying the broker. The
first publish after the cooldown tries again (half-open); success closes the breaker, failure
opens it for another cooldown. The state is per process, on purpose: no shared store to ask
(which could be slow itself), and each process learns of an outage with one request's budget.
"""

import logging
import threading
import time
from typing import Any

from celery import current_app
from django.conf import settings
from kombu import Connection
from kombu.connection import ConnectionPool
from kombu.exceptions import LimitExceeded, OperationalError

logger = logging.getLogger(__name__)

# Connections a process keeps open for publishing: one per thread that publishes at once
# (gunicorn's sync workers have one); a thread that finds all busy waits at most the budget.
POOL_LIMIT = 8


class BrokerSkipped(OperationalError):
    """The breaker is open: the broker was not tried."""


class CircuitBreaker:
    """Open for a cooldown after a failure; the first call after it is the trial (half-open)."""

    def __init__(self) -> None:
        self._open_until = 0.0

    def allows(self) -> bool:
        return time.monotonic() >= self._open_until

    def failed(self, *, cooldown: float) -> None:
        was_closed = self.allows()
        self._open_until = time.monotonic() + cooldown
        if was_closed and cooldown > 0:
            logger.warning("Broker publish failed: requests skip the broker for %.0f s", cooldown)

    def succeeded(self) -> None:
        self._open_until = 0.0


breaker = CircuitBreaker()
_pools: dict[tuple[str, float], ConnectionPool] = {}
_pools_lock = threading.Lock()


def _pool() -> ConnectionPool:
    """This process's publishing connections, built on first use (after gunicorn's fork)."""
    url = current_app.conf.broker_write_url or current_app.conf.broker_url
    budget = settings.TASK_PUBLISH_TIMEOUT
    with _pools_lock:
        pool = _pools.get((url, budget))
        if pool is None:
            connection: Connection = current_app.connection_for_write(
                url,
                connect_timeout=budget,
                # No reconnect loop; reads and writes of a connection that stalls midway are bounded too.
                transport_options={"max_retries": 0, "read_timeout": budget, "write_timeout": budget},
            )
            pool = _pools[(url, budget)] = connection.Pool(limit=POOL_LIMIT)
    return pool


def publish_within_budget(name: str, **options: Any) -> None:
    """Sends task ``name`` within the budget, or raises ``OperationalError`` (``BrokerSkipped`` if not tried)."""
    if not breaker.allows():
        raise BrokerSkipped("the broker is failing; skipped until the breaker's cooldown ends")
    budget = settings.TASK_PUBLISH_TIMEOUT
    try:
        pooled = _pool().acquire(block=True, timeout=budget)
    except LimitExceeded:
        # Every connection busy for the whole budget: a load problem, not a broker outage.
        raise BrokerSkipped("no publishing connection free within the budget") from None
    try:
        with pooled as connection:
            try:
                current_app.send_task(
                    name, producer=connection.Producer(), retry=False, confirm_timeout=budget, **options
                )
            except BaseException:
                # A half-dead socket must not go back to the pool: the next publish connects afresh.
                connection.collect()
                raise
    except Exception:
        breaker.failed(cooldown=settings.TASK_PUBLISH_BREAKER_COOLDOWN)
        raise
    breaker.succeeded()
