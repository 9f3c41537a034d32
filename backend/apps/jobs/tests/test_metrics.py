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
    metrics.store().clear()
    yield
    metrics.store().clear()


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
