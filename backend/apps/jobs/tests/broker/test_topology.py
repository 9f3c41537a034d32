"""The broker topology does not depend on which process starts first (config.celery.topology_declare)."""

from pathlib import Path

import pytest
from kombu import Connection

from apps.jobs.tests.broker.conftest import Worker
from config.celery import DEAD_LETTER_QUEUE, FAILURE_PATH_QUEUE, WORK_QUEUES

pytestmark = [pytest.mark.broker, pytest.mark.django_db(transaction=True)]


def test_a_worker_for_one_queue_on_a_fresh_broker_declares_every_queue_and_delayed_delivery(
    worker_env: dict[str, str], broker_workdir: Path
) -> None:
    # A prefix no process has used: as on a fresh broker, only this worker can declare anything.
    prefix = worker_env["CELERY_QUEUE_PREFIX"] + "fresh."
    names = [prefix + name for name in (*WORK_QUEUES, DEAD_LETTER_QUEUE, FAILURE_PATH_QUEUE)]
    worker = Worker(
        name="lonely",
        env={**worker_env, "CELERY_QUEUE_PREFIX": prefix},
        log_path=broker_workdir / "lonely.log",
        queues=prefix + "low",
    )
    try:
        assert "Failed to bind" not in worker.log()
        assert "delayed delivery will not be available" not in worker.log()
        with Connection(worker_env["CELERY_BROKER_URL"], connect_timeout=5) as broker:
            channel = broker.channel()
            for name in names:
                channel.queue_declare(name, passive=True)  # raises NOT_FOUND if missing
            channel.exchange_declare("celery_delayed_delivery", "topic", passive=True)
    finally:
        worker.stop()
        with Connection(worker_env["CELERY_BROKER_URL"], connect_timeout=5) as broker:
            channel = broker.channel()
            for name in names:
                channel.queue_delete(name)
            for name in (f"{prefix}tasks", f"{prefix}dead_letter"):
                channel.exchange_delete(name)
