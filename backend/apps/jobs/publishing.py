"""Publishing from a request: within a small time budget, and not at all while the broker is known to fail.

A broker that accepts TCP connections but never answers (overloaded, half-partitioned,
under a resource alarm) otherwise holds a sync web worker for the full connection timeout
of every enqueue. The request waits ``TASK_PUBLISH_TIMEOUT`` in all for the publish, which
runs on a publishing thread: a per-step timeout alone would not do, since a slow broker that
answers each step (TCP connect, each frame of the AMQP handshake, channel open, publisher
confirm) just inside it costs the request several budgets, 0.3-0.5 s measured for 80 ms
per answer. On the thread every step is still bounded by the budget and there is no retry,
so a publish that the request gave up on ends soon after; if it went through after all,
the thread deletes the outbox row (``on_late_success``), else the relay publishes it (and
should both happen, the task's id makes the repeat a no-op, ``ReliableTask``). A message
that misses the budget stays in the outbox for the relay (apps/jobs/services.py).

After a failure, or a publish past the budget (until it succeeds late, as the first publish
on a cold connection of a busy machine can), the circuit breaker opens for
``TASK_PUBLISH_BREAKER_COOLDOWN`` seconds:
requests in this process leave their messages to the relay without trying the broker. The
first publish after the cooldown tries again (half-open); success closes the breaker, failure
opens it for another cooldown. The state is per process, on purpose: no shared store to ask
(which could be slow itself), and each process learns of an outage with one request's budget.
"""

import contextvars
import logging
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeoutError
from typing import Any

from celery import current_app
from django.conf import settings
from kombu import Connection
from kombu.connection import ConnectionPool
from kombu.exceptions import LimitExceeded, OperationalError

logger = logging.getLogger(__name__)

# Publishing threads and the connections they keep open, per process: a publish the request gave
# up on may hold one until its steps time out; a publish that finds all busy waits at most the budget.
POOL_LIMIT = 8


class BrokerSkipped(OperationalError):
    """The breaker is open: the broker was not tried."""


class PublishTimedOut(OperationalError):
    """The broker did not take the message within the budget. It may still do so (``on_late_success``)."""


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
_executors: dict[int, ThreadPoolExecutor] = {}


def _executor() -> ThreadPoolExecutor:
    """This process's publishing threads (threads do not survive gunicorn's fork: one set per pid)."""
    pid = os.getpid()
    with _pools_lock:
        executor = _executors.get(pid)
        if executor is None:
            executor = _executors[pid] = ThreadPoolExecutor(max_workers=POOL_LIMIT, thread_name_prefix="publish")
    return executor


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


class _Handoff:
    """Who owns a publish's success: the request while it waits, the publishing thread once the
    request gave up (then ``on_late_success`` runs there). The lock makes it exactly one of them."""

    def __init__(self, on_late_success: Callable[[], None] | None) -> None:
        self._lock = threading.Lock()
        self._published = self._given_up = False
        self._on_late_success = on_late_success

    def published(self) -> None:
        with self._lock:
            self._published = True
            late = self._given_up
        if late and self._on_late_success is not None:
            try:
                self._on_late_success()
            except Exception:
                logger.exception("After a late publish")

    def give_up(self) -> bool:
        """False: it was published just now, and the request owns it after all."""
        with self._lock:
            self._given_up = not self._published
            return self._given_up


def publish_within_budget(name: str, *, on_late_success: Callable[[], None] | None = None, **options: Any) -> None:
    """Sends task ``name`` within the budget, or raises ``OperationalError`` (``BrokerSkipped`` if not tried).

    ``on_late_success`` runs on the publishing thread if the message went through after all,
    once the budget was over: the caller has already been told it failed.
    """
    if not breaker.allows():
        raise BrokerSkipped("the broker is failing; skipped until the breaker's cooldown ends")
    budget = settings.TASK_PUBLISH_TIMEOUT
    handoff = _Handoff(on_late_success)
    # The copied context carries the request ID and the trace context into the thread (task headers).
    publish = _executor().submit(contextvars.copy_context().run, _publish, name, budget, options, handoff)
    try:
        publish.result(timeout=budget)
    except FutureTimeoutError:
        if publish.cancel():  # still queued behind stuck publishes: it never starts
            raise BrokerSkipped("no publishing thread free within the budget") from None
        if not handoff.give_up():
            return
        # Open until the thread knows better: its late success (a cold connection on a busy machine)
        # closes the breaker again, its failure keeps it open.
        breaker.failed(cooldown=settings.TASK_PUBLISH_BREAKER_COOLDOWN)
        raise PublishTimedOut(f"the broker did not take the message within {budget:.3f} s") from None


def _publish(name: str, budget: float, options: dict[str, Any], handoff: _Handoff) -> None:
    """One publish on a pooled connection, each step bounded by the budget, no retry (on a publishing
    thread). Its outcome, whether or not the request still waits for it, sets the breaker."""
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
    handoff.published()
