"""Tasks through RabbitMQ to a real worker: emails, exports, request IDs, retries, dead letters, outages."""

import json
import socket
import time
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction
from rest_framework.test import APIClient

from apps.accounts.tests.factories import UserFactory
from apps.common.request_context import current_request_id
from apps.jobs.models import OutboxMessage
from apps.jobs.services import enqueue_on_commit, outbox_relay
from apps.jobs.tests import broker_tasks
from apps.jobs.tests.broker.conftest import Worker, dead_letter_messages, wait_for
from config.celery import app as celery_app

pytestmark = [pytest.mark.broker, pytest.mark.django_db(transaction=True)]

CLOSED_PORT_BROKER = "amqp://guest:guest@127.0.0.1:9//"


@pytest.fixture(scope="module")
def worker(start_worker) -> Worker:
    return start_worker("main", concurrency=2)


def _emails_to(mail_dir: Path, address: str) -> list[str]:
    return [text for path in sorted(mail_dir.glob("*")) if address in (text := path.read_text(errors="replace"))]


@contextmanager
def _broker_unreachable() -> Iterator[None]:
    """Points this process's publisher at a port nothing listens on, as when RabbitMQ is down."""
    previous = celery_app.conf.broker_write_url
    celery_app.conf.broker_write_url = CLOSED_PORT_BROKER
    celery_app._pool = None
    celery_app.amqp._producer_pool = None
    try:
        yield
    finally:
        celery_app.conf.broker_write_url = previous
        celery_app._pool = None
        celery_app.amqp._producer_pool = None


def test_registration_email_is_sent_by_the_worker(worker, broker_workdir):
    response = APIClient().post(
        "/api/v1/auth/register/",
        {"email": "ada@example.com", "password": "a-long-passphrase-1", "firstName": "Ada"},
        HTTP_X_REQUEST_ID="e2e-register-1",
    )

    assert response.status_code == 201
    [email] = wait_for(lambda: _emails_to(broker_workdir / "mail", "ada@example.com"), timeout=20, what="the email")
    assert "/verify-email?token=" in email
    # Gone at once, or (a cold connection on a busy machine missed the budget) by the publishing thread.
    wait_for(lambda: not OutboxMessage.objects.exists(), timeout=5, what="the published message's outbox row to go")


def test_request_id_travels_with_the_task_into_its_log_lines(worker):
    token = current_request_id.set("e2e-request-42")
    try:
        broker_tasks.log_message.delay("published directly")
        with transaction.atomic():
            enqueue_on_commit(broker_tasks.log_message, "published through the outbox")
    finally:
        current_request_id.reset(token)

    wait_for(lambda: worker.log().count("broker test says:") >= 2, timeout=20, what="both log lines")
    lines = [line for line in worker.log().splitlines() if "broker test says:" in line]
    assert len(lines) == 2
    # Console format: [request_id trace_id]; the worker traces nothing here, so the trace ID is "-".
    assert all("[e2e-request-42 -]" in line for line in lines), lines


def test_export_is_built_by_the_worker_and_announced_by_email(worker, broker_workdir):
    user = UserFactory(email="grace@example.com")
    client = APIClient()
    client.force_authenticate(user)

    started = client.post("/api/v1/users/me/exports/")
    assert started.status_code == 202
    url = f"/api/v1/users/me/exports/{started.json()['id']}/"
    done = wait_for(
        lambda: (body := client.get(url).json())["status"] == "succeeded" and body, timeout=30, what="the export"
    )

    assert done["progress"] == 100
    assert done["downloadUrl"]
    [archive_path] = (broker_workdir / "media" / "exports").rglob("*.zip")
    with zipfile.ZipFile(archive_path) as archive:
        assert json.loads(archive.read("account.json"))["email"] == "grace@example.com"
    [email] = wait_for(lambda: _emails_to(broker_workdir / "mail", "grace@example.com"), timeout=20, what="email")
    assert "/account" in email


def test_registration_succeeds_while_the_broker_is_down_and_the_email_follows(worker, broker_workdir):
    with _broker_unreachable():
        started = time.monotonic()
        response = APIClient().post(
            "/api/v1/auth/register/",
            {"email": "linus@example.com", "password": "a-long-passphrase-2"},
        )
        assert response.status_code == 201
        assert time.monotonic() - started < 5, "a publish to a down broker must not stall the request"
        assert OutboxMessage.objects.get().last_error

    assert _emails_to(broker_workdir / "mail", "linus@example.com") == []
    # What the beat-driven relay_task_outbox does every 30 s, run now.
    assert outbox_relay(grace=timedelta(0)) == 1
    wait_for(lambda: _emails_to(broker_workdir / "mail", "linus@example.com"), timeout=20, what="the email")
    assert not OutboxMessage.objects.exists()


def test_transient_failures_are_retried_with_growing_backoff_until_success(worker, tmp_path):
    result = broker_tasks.flaky.delay(str(tmp_path), 2)

    wait_for(lambda: f"flaky[{result.id}] succeeded" in worker.log(), timeout=30, what="the task to succeed on try 3")
    attempts = [float(line) for line in (tmp_path / "flaky-attempts").read_text().split()]
    assert len(attempts) == 3
    # Celery's retry_backoff, base 1 s, held by RabbitMQ's delayed delivery: 1 s, then 2 s.
    assert attempts[1] - attempts[0] >= 0.9
    assert attempts[2] - attempts[1] >= 1.9


def test_a_task_failing_past_its_retry_bound_is_dead_lettered(worker, tmp_path):
    result = broker_tasks.always_fails.delay(str(tmp_path))

    wait_for(lambda: f"always_fails[{result.id}] raised unexpected" in worker.log(), timeout=30, what="the failure")
    assert len((tmp_path / "always-fails-attempts").read_text().split()) == 3  # 1 try + max_retries=2
    assert (tmp_path / "failures-handled").read_text().split() == ["ConnectionError"]
    messages = wait_for(dead_letter_messages, timeout=10, what="the message in the dead-letter queue")
    assert [message.headers["id"] for message in messages] == [result.id]


def test_a_repeat_delivery_of_a_task_that_succeeded_is_skipped(worker):
    first = broker_tasks.log_message.delay("once")
    wait_for(lambda: f"log_message[{first.id}] succeeded" in worker.log(), timeout=20, what="the first run")

    # What the outbox's relay does when the fast path published the message but died before deleting its row.
    broker_tasks.log_message.apply_async(args=["once"], task_id=first.id)

    wait_for(lambda: f"{first.id}] already succeeded; skipping" in worker.log(), timeout=20, what="the skip")
    assert worker.log().count("broker test says: once") == 1


def test_metrics_show_queue_depth_workers_and_task_outcomes(worker, client, settings):
    settings.METRICS_TOKEN = "scrape-secret"
    result = broker_tasks.log_message.delay("for the metrics")
    wait_for(lambda: f"log_message[{result.id}] succeeded" in worker.log(), timeout=20, what="the task")

    text = client.get("/metrics", HTTP_AUTHORIZATION="Bearer scrape-secret").content.decode()

    prefix = settings.CELERY_QUEUE_PREFIX
    assert "celery_broker_up 1.0" in text
    assert f'celery_queue_consumers{{queue="{prefix}emails"}} 1.0' in text
    assert f'celery_queue_messages{{queue="{prefix}default"}} 0.0' in text
    assert f'celery_queue_consumers{{queue="{prefix}dead_letter"}} 0.0' in text
    assert 'celery_tasks_total{state="success",task="apps.jobs.tests.broker_tasks.log_message"}' in text


def test_the_liveness_probe_passes_for_a_worker_that_answers(worker, capsys):
    node = f"{worker.name}@{socket.gethostname()}"  # -n main@%h, as the Deployments name theirs

    call_command("worker_check", "--node", node)

    assert capsys.readouterr().out.strip() == f"{node}: ok"
