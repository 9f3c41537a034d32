from datetime import timedelta
from unittest import mock

import pytest
from amqp.exceptions import PreconditionFailed
from django.db import transaction
from django.utils import timezone
from kombu.exceptions import OperationalError

from apps.common.request_context import current_request_id
from apps.jobs.models import OutboxMessage
from apps.jobs.services import enqueue_on_commit, outbox_message_publish, outbox_relay
from apps.jobs.tasks import relay_task_outbox
from apps.jobs.tests import broker_tasks
from config.celery import app as celery_app

pytestmark = pytest.mark.django_db


@pytest.fixture
def not_eager():
    """Publishing as with a broker configured (the shared conftest makes tests eager)."""
    celery_app.conf.task_always_eager = False
    yield
    celery_app.conf.task_always_eager = True


@pytest.fixture
def published(not_eager, monkeypatch):
    """Stands in for the broker: records what would be sent."""
    calls = []
    monkeypatch.setattr(celery_app, "send_task", lambda name, **options: calls.append((name, options)))
    return calls


def test_message_is_stored_with_the_transaction_and_published_after_commit(
    published, django_capture_on_commit_callbacks
):
    token = current_request_id.set("req-7")
    try:
        with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
            message = enqueue_on_commit(broker_tasks.log_message, "hello")
            assert OutboxMessage.objects.filter(pk=message.pk).exists()
            assert published == []
    finally:
        current_request_id.reset(token)

    [(name, options)] = published
    assert name == "apps.jobs.tests.broker_tasks.log_message"
    assert options["args"] == ["hello"]
    assert options["task_id"] == str(message.pk)
    assert options["headers"] == {"request_id": "req-7"}
    assert not OutboxMessage.objects.exists()


def test_rolled_back_transaction_publishes_nothing(published, django_capture_on_commit_callbacks):
    def change_that_fails() -> None:
        with transaction.atomic():
            enqueue_on_commit(broker_tasks.log_message, "never")
            raise RuntimeError("the change failed")

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        change_that_fails()

    assert published == []
    assert not OutboxMessage.objects.exists()


@pytest.mark.parametrize(
    ("error", "recorded"),
    [
        (OperationalError("connection refused"), "OperationalError: connection refused"),
        # A queue declared with other arguments than the broker's copy: a channel error.
        (PreconditionFailed("inequivalent arg 'x-dead-letter-exchange'"), "PreconditionFailed: "),
    ],
)
def test_a_broker_that_cannot_take_the_message_leaves_it_for_the_relay(
    not_eager, monkeypatch, django_capture_on_commit_callbacks, error, recorded
):
    monkeypatch.setattr(celery_app, "send_task", mock.Mock(side_effect=error))

    with django_capture_on_commit_callbacks(execute=True):
        enqueue_on_commit(broker_tasks.log_message, "later")

    message = OutboxMessage.objects.get()
    assert message.attempts == 1
    assert message.last_error.startswith(recorded)
    assert message.request_id == ""


def test_eager_mode_runs_the_task_in_process(django_capture_on_commit_callbacks, caplog):
    with django_capture_on_commit_callbacks(execute=True):
        enqueue_on_commit(broker_tasks.log_message, "inline")

    assert "broker test says: inline" in caplog.text
    assert not OutboxMessage.objects.exists()


def test_relay_publishes_messages_past_the_grace_period_only(published):
    old = OutboxMessage.objects.create(task_name=broker_tasks.log_message.name, args=["old"])
    OutboxMessage.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(minutes=5))
    OutboxMessage.objects.create(task_name=broker_tasks.log_message.name, args=["just committed"])

    assert outbox_relay(grace=timedelta(seconds=30)) == 1

    assert [options["args"] for _, options in published] == [["old"]]
    assert list(OutboxMessage.objects.values_list("args", flat=True)) == [["just committed"]]


def test_relay_stops_at_the_first_broker_failure(not_eager, monkeypatch):
    send_task = mock.Mock(side_effect=ConnectionRefusedError("down"))
    monkeypatch.setattr(celery_app, "send_task", send_task)
    for n in range(3):
        OutboxMessage.objects.create(task_name=broker_tasks.log_message.name, args=[n])

    assert outbox_relay(grace=timedelta(0)) == 0

    assert send_task.call_count == 1
    assert OutboxMessage.objects.count() == 3


def test_publish_sends_by_name_so_the_publisher_needs_no_import_of_the_task(published):
    message = OutboxMessage.objects.create(task_name="apps.content.tasks.publish_due_articles", request_id="r1")

    assert outbox_message_publish(message=message) is True
    assert published[0][0] == "apps.content.tasks.publish_due_articles"
    assert published[0][1]["headers"] == {"request_id": "r1"}


def test_relay_task_runs_the_relay():
    message = OutboxMessage.objects.create(task_name=broker_tasks.log_message.name, args=["relayed"])
    OutboxMessage.objects.filter(pk=message.pk).update(created_at=timezone.now() - timedelta(minutes=5))

    assert relay_task_outbox.apply().result == 1
    assert not OutboxMessage.objects.exists()
