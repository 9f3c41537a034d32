"""Celery metrics for Prometheus: task outcomes and durations, queue depth, workers per queue.

Tasks run in worker processes (often on other machines) while Prometheus scrapes
the web process, so outcomes are counted in a Redis hash that every process
shares (``HINCRBY``, one round trip per task). Without Redis (embedded defaults)
tasks run eagerly in the web process and an in-process store does the same job.
Queue depth and consumer counts are read from RabbitMQ at scrape time.
"""

import bisect
import contextlib
import logging
import threading
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, HistogramMetricFamily, Metric
from prometheus_client.registry import CollectorRegistry
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

DURATION_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0)
REDIS_KEY = "celery:task-metrics"
BROKER_TIMEOUT_SECONDS = 2


def _bucket_index(seconds: float) -> int:
    """Index of the first bucket whose upper bound holds ``seconds``; len(buckets) means +Inf."""
    return bisect.bisect_left(DURATION_BUCKETS, seconds)


def _increments(*, task_name: str, state: str, seconds: float) -> dict[str, float]:
    return {
        f"count|{task_name}|{state.lower()}": 1,
        f"bucket|{task_name}|{_bucket_index(seconds)}": 1,
        f"sum|{task_name}": seconds,
    }


class MemoryStore:
    """One process's counts: right when tasks run eagerly inside that process."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._values: dict[str, float] = defaultdict(float)

    def add(self, increments: dict[str, float]) -> None:
        with self._lock:
            for field, amount in increments.items():
                self._values[field] += amount

    def read(self) -> dict[str, float]:
        with self._lock:
            return dict(self._values)

    def clear(self) -> None:
        with self._lock:
            self._values.clear()


class RedisStore:
    """Counts shared by every web and worker process through one Redis hash."""

    def add(self, increments: dict[str, float]) -> None:
        pipeline = self._client().pipeline(transaction=False)
        for field, amount in increments.items():
            if isinstance(amount, int):
                pipeline.hincrby(REDIS_KEY, field, amount)
            else:
                pipeline.hincrbyfloat(REDIS_KEY, field, amount)
        pipeline.execute()

    def read(self) -> dict[str, float]:
        return {key.decode(): float(value) for key, value in self._client().hgetall(REDIS_KEY).items()}

    def clear(self) -> None:
        self._client().delete(REDIS_KEY)

    def _client(self) -> Any:  # django_redis hands out a plain redis client
        from django_redis import get_redis_connection

        return get_redis_connection("default")


_memory_store = MemoryStore()


def store() -> MemoryStore | RedisStore:
    return RedisStore() if settings.REDIS_URL else _memory_store


def task_outcome_record(*, task_name: str, state: str, seconds: float) -> None:
    """Counts one finished task run. Never raises: metrics must not fail a task."""
    try:
        store().add(_increments(task_name=task_name, state=state, seconds=seconds))
    except RedisError as error:
        logger.warning("Could not record metrics for task %s: %s", task_name, error)


@dataclass(frozen=True)
class QueueStats:
    name: str
    messages: int
    consumers: int


def queue_stats() -> list[QueueStats]:
    """Messages ready and consumers attached, per queue, by passive declares (nothing is created)."""
    from amqp.exceptions import NotFound

    from config.celery import app, queue_names

    stats = []
    with app.connection_for_read() as connection:
        connection.ensure_connection(max_retries=1, timeout=BROKER_TIMEOUT_SECONDS)
        for name in queue_names():
            channel = connection.channel()
            try:
                _, messages, consumers = channel.queue_declare(queue=name, passive=True)
            except NotFound:
                # Declared by the first worker or publish; until then it is empty and unserved.
                messages, consumers = 0, 0
            else:
                channel.close()
            stats.append(QueueStats(name=name, messages=messages, consumers=consumers))
    return stats


class CeleryCollector:
    """Reads the shared task counts and the broker's queues on every scrape."""

    def describe(self) -> list[Metric]:
        # Nothing up front: collect() talks to Redis and RabbitMQ, which registration must not do.
        return []

    def collect(self) -> Iterator[Metric]:
        yield from self._task_metrics()
        if settings.CELERY_BROKER_URL:
            yield from self._queue_metrics()

    def _task_metrics(self) -> Iterator[Metric]:
        try:
            values = store().read()
        except RedisError as error:
            logger.warning("Could not read task metrics: %s", error)
            return
        outcomes = CounterMetricFamily(
            "celery_tasks", "Task runs finished, by task and final state of the run", labels=["task", "state"]
        )
        durations = HistogramMetricFamily("celery_task_duration_seconds", "Task run time", labels=["task"])
        buckets: dict[str, list[float]] = defaultdict(lambda: [0.0] * (len(DURATION_BUCKETS) + 1))
        sums: dict[str, float] = defaultdict(float)
        for field, value in values.items():
            kind, task_name, *rest = field.split("|")
            if kind == "count":
                outcomes.add_metric([task_name, rest[0]], value)
            elif kind == "bucket":
                buckets[task_name][int(rest[0])] += value
            elif kind == "sum":
                sums[task_name] = value
        for task_name, counts in sorted(buckets.items()):
            cumulative, running = [], 0.0
            for bound, count in zip([*map(str, DURATION_BUCKETS), "+Inf"], counts, strict=True):
                running += count
                cumulative.append((bound, running))
            durations.add_metric([task_name], cumulative, sum_value=sums[task_name])
        yield outcomes
        yield durations

    def _queue_metrics(self) -> Iterator[Metric]:
        up = GaugeMetricFamily("celery_broker_up", "1 when the broker answered this scrape")
        try:
            stats = queue_stats()
        except Exception as error:  # noqa: BLE001 - any broker failure means "down"; the scrape must still answer
            logger.warning("Could not read queue depths from the broker: %r", error)
            up.add_metric([], 0)
            yield up
            return
        up.add_metric([], 1)
        messages = GaugeMetricFamily("celery_queue_messages", "Messages ready in the queue", labels=["queue"])
        consumers = GaugeMetricFamily(
            "celery_queue_consumers", "Consumers (worker processes) on the queue", labels=["queue"]
        )
        for queue in stats:
            messages.add_metric([queue.name], queue.messages)
            consumers.add_metric([queue.name], queue.consumers)
        yield from (up, messages, consumers)


_collector = CeleryCollector()


def collector_register(registry: CollectorRegistry) -> None:
    """Idempotent: Django may call AppConfig.ready() more than once (tests, autoreload)."""
    with contextlib.suppress(KeyError):
        registry.unregister(_collector)
    registry.register(_collector)
