"""Real RabbitMQ, real worker processes. Every test here is marked ``broker``.

Modules here set ``pytestmark = pytest.mark.broker``. Workers run ``celery -A config worker`` as subprocesses against the test
database (PostgreSQL: a worker cannot see an in-memory SQLite database) and the
test run's own queues (``CELERY_QUEUE_PREFIX``), so a developer's worker on the
same broker never takes these messages and these workers never take theirs.
"""

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.db import connection
from kombu import Connection

from config.celery import app as celery_app
from config.celery import dead_letter_queue, queue_names

BACKEND_DIR = Path(settings.BASE_DIR)
READY_TIMEOUT = 40.0


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.get_closest_marker("broker") and not settings.CELERY_BROKER_URL:
            item.add_marker(
                pytest.mark.skip(
                    reason="CELERY_BROKER_URL is not set: broker tests need RabbitMQ "
                    "(e.g. CELERY_BROKER_URL=amqp://guest:guest@127.0.0.1:5672// and DATABASE_URL on PostgreSQL)"
                )
            )


def wait_for(predicate: Callable[[], Any], *, timeout: float, what: str, interval: float = 0.2) -> Any:
    """Polls until ``predicate()`` is truthy; fails the test, saying what never happened, on timeout."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    pytest.fail(f"Timed out after {timeout:.0f}s waiting for {what}")


class Worker:
    """One ``celery worker`` subprocess, in its own process group so a test can SIGKILL all of it."""

    def __init__(
        self, *, name: str, env: dict[str, str], log_path: Path, concurrency: int = 1, queues: str = ""
    ) -> None:
        self.name = name
        self.log_path = log_path
        # emails, default, low by default: never the dead-letter queue.
        queues = queues or ",".join(queue_names()[:3])
        self._log = log_path.open("ab")
        self.process = subprocess.Popen(  # noqa: S603 - fixed argv, no shell
            [
                sys.executable, "-m", "celery", "-A", "config", "worker",
                "-Q", queues, "-n", f"{name}@%h", "--concurrency", str(concurrency),
                "--without-gossip", "--without-mingle", "--without-heartbeat",
                "--include", "apps.jobs.tests.broker_tasks", "--loglevel", "INFO",
            ],
            cwd=BACKEND_DIR, env=env, stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        wait_for(self._ready, timeout=READY_TIMEOUT, what=f"worker {name} to be ready (log: {log_path})")

    def _ready(self) -> bool:
        if self.process.poll() is not None:
            pytest.fail(f"worker {self.name} exited with {self.process.returncode}:\n{self.log()[-3000:]}")
        return f"{self.name}@" in self.log() and " ready." in self.log()

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def kill(self) -> None:
        """SIGKILL to the whole group (main process and pool children): a crashed node."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        self._log.close()


def _database_url() -> str:
    db = connection.settings_dict
    if "postgresql" not in db["ENGINE"]:
        pytest.fail(
            "The broker tests need DATABASE_URL on PostgreSQL: a worker process cannot see this test run's "
            "SQLite database. Run them with DATABASE_URL=postgres://postgres@127.0.0.1:5432/app."
        )
    credentials = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture(scope="module")
def broker_workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("broker")


@pytest.fixture(scope="module")
def worker_env(django_db_setup: None, django_db_blocker: Any, broker_workdir: Path) -> dict[str, str]:
    with django_db_blocker.unblock():
        database_url = _database_url()
    (broker_workdir / "mail").mkdir(exist_ok=True)
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "CELERY_", "DATABASE_URL", "EMAIL_URL", "REDIS_URL", "PYTEST"))
    }
    env.update(
        DJANGO_ENV="test",
        DATABASE_URL=database_url,
        CELERY_BROKER_URL=settings.CELERY_BROKER_URL,
        CELERY_QUEUE_PREFIX=settings.CELERY_QUEUE_PREFIX,
        # Short backoff, so retry tests take seconds: up to 1 s, then up to 2 s.
        CELERY_TASK_RETRY_BACKOFF_BASE="1",
        # django-environ drops the first slash after the scheme: four slashes make an absolute path.
        EMAIL_URL=f"filemail:///{broker_workdir / 'mail'}",
        DJANGO_MEDIA_ROOT=str(broker_workdir / "media"),
        LOG_FORMAT="console",
        LOG_LEVEL="INFO",
    )
    if settings.REDIS_URL:
        env["REDIS_URL"] = settings.REDIS_URL
    return env


@pytest.fixture(scope="module")
def start_worker(worker_env: dict[str, str], broker_workdir: Path) -> Iterator[Callable[..., Worker]]:
    started: list[Worker] = []

    def start(name: str, concurrency: int = 1) -> Worker:
        worker = Worker(name=name, env=worker_env, log_path=broker_workdir / f"{name}.log", concurrency=concurrency)
        started.append(worker)
        return worker

    yield start
    for worker in started:
        worker.stop()


@pytest.fixture(scope="session", autouse=True)
def _test_queues_deleted() -> Iterator[None]:
    """Quorum queues are durable: a test run deletes its own when done."""
    yield
    if not settings.CELERY_BROKER_URL:
        return
    prefix = settings.CELERY_QUEUE_PREFIX
    with Connection(settings.CELERY_BROKER_URL, connect_timeout=5) as broker:
        channel = broker.channel()
        for name in queue_names():
            channel.queue_delete(name)
        for name in (f"{prefix}tasks", f"{prefix}dead_letter"):
            channel.exchange_delete(name)


def dead_letter_messages() -> list[Any]:
    """Takes every message out of this run's dead-letter queue."""
    messages = []
    with celery_app.connection_for_write() as broker:
        queue = broker.SimpleQueue(dead_letter_queue(), no_ack=True)
        try:
            while True:
                messages.append(queue.get(block=True, timeout=0.5))
        except queue.Empty:
            pass
        finally:
            queue.close()
    return messages
