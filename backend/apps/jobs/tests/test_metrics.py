import pytest
from prometheus_client import CollectorRegistry, generate_latest

from apps.jobs import metrics
from apps.jobs.tests import broker_tasks


@pytest.fixture
def registry():
    registry = CollectorRegistry()
    metrics.collector_register(registry)
    metrics.collector_register(registry)  # twice, as a reloaded app would: still one collector
    return registry


@pytest.fixture(autouse=True)
def _empty_store():
    metrics._memory_store.clear()
    yield
    metrics._memory_store.clear()


def scrape(registry) -> str:
    return generate_latest(registry).decode()


def test_task_runs_are_counted_by_task_and_state_with_durations(registry, settings):
    settings.CELERY_BROKER_URL = ""
    broker_tasks.log_message.apply(args=["counted"])
    metrics.task_outcome_record(task_name="apps.x.tasks.slow", state="FAILURE", seconds=7.0)

    text = scrape(registry)

    assert 'celery_tasks_total{state="success",task="apps.jobs.tests.broker_tasks.log_message"} 1.0' in text
    assert 'celery_tasks_total{state="failure",task="apps.x.tasks.slow"} 1.0' in text
    assert 'celery_task_duration_seconds_bucket{le="5.0",task="apps.x.tasks.slow"} 0.0' in text
    assert 'celery_task_duration_seconds_bucket{le="10.0",task="apps.x.tasks.slow"} 1.0' in text
    assert 'celery_task_duration_seconds_sum{task="apps.x.tasks.slow"} 7.0' in text


def test_an_unreachable_broker_reports_down_and_the_scrape_still_answers(registry, settings):
    settings.CELERY_BROKER_URL = "amqp://guest:guest@127.0.0.1:9//"
    from config.celery import app

    original = app.conf.broker_read_url
    app.conf.broker_read_url = settings.CELERY_BROKER_URL
    try:
        text = scrape(registry)
    finally:
        app.conf.broker_read_url = original

    assert "celery_broker_up 0.0" in text


class FakeRedis:
    """Just the hash commands RedisStore uses."""

    def __init__(self) -> None:
        self.hashes: dict[str, dict[bytes, bytes]] = {}

    def pipeline(self, transaction: bool = True) -> "FakeRedis":
        return self

    def hincrby(self, key: str, field: str, amount: int) -> None:
        self._add(key, field, amount)

    def hincrbyfloat(self, key: str, field: str, amount: float) -> None:
        self._add(key, field, amount)

    def _add(self, key: str, field: str, amount: float) -> None:
        values = self.hashes.setdefault(key, {})
        values[field.encode()] = str(float(values.get(field.encode(), b"0")) + amount).encode()

    def execute(self) -> None:
        pass

    def hgetall(self, key: str) -> dict[bytes, bytes]:
        return self.hashes.get(key, {})

    def delete(self, key: str) -> None:
        self.hashes.pop(key, None)


def test_with_redis_every_process_counts_into_one_shared_hash(registry, settings, monkeypatch):
    fake = FakeRedis()
    settings.REDIS_URL = "redis://shared"
    settings.CELERY_BROKER_URL = ""
    monkeypatch.setattr(metrics.RedisStore, "_client", lambda self: fake)

    metrics.task_outcome_record(task_name="apps.x.tasks.t", state="SUCCESS", seconds=0.2)
    metrics.task_outcome_record(task_name="apps.x.tasks.t", state="SUCCESS", seconds=0.3)

    assert fake.hashes[metrics.REDIS_KEY][b"count|apps.x.tasks.t|success"] == b"2.0"
    assert 'celery_tasks_total{state="success",task="apps.x.tasks.t"} 2.0' in scrape(registry)
    metrics.RedisStore().clear()
    assert metrics.REDIS_KEY not in fake.hashes


def test_a_redis_outage_neither_fails_the_task_nor_the_scrape(registry, settings, monkeypatch, caplog):
    from redis.exceptions import ConnectionError as RedisConnectionError

    def down(self):
        raise RedisConnectionError("redis is down")

    settings.REDIS_URL = "redis://down"
    settings.CELERY_BROKER_URL = ""
    monkeypatch.setattr(metrics.RedisStore, "_client", down)

    metrics.task_outcome_record(task_name="apps.x.tasks.t", state="SUCCESS", seconds=0.1)
    text = scrape(registry)

    assert "celery_tasks_total" not in text
    assert "Could not record metrics" in caplog.text
    assert "Could not read task metrics" in caplog.text
