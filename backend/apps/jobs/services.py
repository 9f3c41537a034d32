"""The transactional task outbox: tasks are enqueued with the data change that needs them.

``enqueue_on_commit`` writes an ``OutboxMessage`` in the caller's transaction and,
once that transaction commits, publishes it at once (the fast path), within a small time
budget and not while the broker is known to be failing (apps/jobs/publishing.py). When the
broker cannot take the message, the request still succeeds: the row stays and the
``relay_task_outbox`` beat task publishes it later. A message is never published
for a transaction that rolled back, and never lost after one that committed.
"""

import logging
import uuid
from datetime import timedelta

from amqp.exceptions import AMQPError
from celery import Task, current_app
from django.conf import settings
from django.db import connections, transaction
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerOperationalError
from opentelemetry import context as otel_context
from opentelemetry import propagate

from apps.common.request_context import current_request_id
from apps.jobs.models import OutboxMessage
from apps.jobs.publishing import BrokerSkipped, publish_within_budget

logger = logging.getLogger(__name__)

# What a publish raises when the broker is down, unreachable or refuses the message; a channel
# error (AMQPError, e.g. a queue declared with other arguments) must not fail the request either.
PUBLISH_ERRORS = (BrokerOperationalError, ConnectionError, OSError, AMQPError)


def enqueue_on_commit(task: Task, *args: object, **kwargs: object) -> OutboxMessage:
    """Records ``task(*args, **kwargs)`` in the outbox now and publishes it after commit.

    Arguments must be JSON values (UUIDs and dates become strings).
    """
    request_id = current_request_id.get()
    trace_context: dict[str, str] = {}
    propagate.inject(trace_context)
    message = OutboxMessage.objects.create(
        task_name=task.name,
        args=list(args),
        kwargs=kwargs,
        request_id="" if request_id == "-" else request_id,
        trace_context=trace_context,
    )
    transaction.on_commit(lambda: outbox_message_publish(message=message, fast=True))
    return message


def outbox_message_publish(*, message: OutboxMessage, fast: bool = False) -> bool:
    """Publishes one message and deletes its row. Returns False (row kept) when the broker fails.

    ``fast``: the publish of a request, bounded by the publish budget and the circuit breaker.
    The message's request ID and stored trace context are current while it is published (the Celery
    instrumentation puts the trace context into the task headers) or run eagerly: a task relayed long
    after its request still belongs to that request's trace and logs, not to the relay's.
    """
    request_token = current_request_id.set(message.request_id) if message.request_id else None
    trace_token = otel_context.attach(propagate.extract(message.trace_context)) if message.trace_context else None
    try:
        return _outbox_message_publish(message=message, fast=fast)
    finally:
        if trace_token is not None:
            otel_context.detach(trace_token)
        if request_token is not None:
            current_request_id.reset(request_token)


def _outbox_message_publish(*, message: OutboxMessage, fast: bool) -> bool:
    headers = {"request_id": message.request_id} if message.request_id else {}
    options = {
        "args": message.args,
        "kwargs": message.kwargs,
        "task_id": str(message.id),
        "headers": headers,
        "retry_policy": settings.CELERY_PUBLISH_RETRY_POLICY,
    }
    try:
        if current_app.conf.task_always_eager:
            # No broker (embedded defaults, tests): the task runs right here. apply(), not an eager
            # apply_async(): that opens a producer to pick a serialiser, and kombu, given no broker
            # URL, warns "No hostname was supplied" on every task. The arguments are JSON already.
            current_app.tasks[message.task_name].apply(
                args=message.args, kwargs=message.kwargs, task_id=options["task_id"], headers=headers
            )
        elif fast:
            publish_within_budget(message.task_name, on_late_success=lambda: _outbox_row_delete(message.pk), **options)
        else:
            # By name: the publishing process need not import the task's module.
            current_app.send_task(message.task_name, **options)
    except BrokerSkipped:
        # Not an attempt: no row update either, which would cost the request a write.
        return False
    except PUBLISH_ERRORS as error:
        logger.warning(
            "Could not publish %s[%s]; the outbox relay will retry: %s", message.task_name, message.id, error
        )
        OutboxMessage.objects.filter(pk=message.pk).update(
            attempts=message.attempts + 1, last_error=f"{type(error).__name__}: {error}"[:255]
        )
        return False
    OutboxMessage.objects.filter(pk=message.pk).delete()
    return True


def _outbox_row_delete(message_id: uuid.UUID) -> None:
    """The publish went through after its request gave up on it: the relay need not send it again.
    On the publishing thread, whose database connection is its own: closed here, not kept open."""
    try:
        OutboxMessage.objects.filter(pk=message_id).delete()
    finally:
        connections.close_all()


def outbox_relay(*, grace: timedelta | None = None, batch_size: int = 500) -> int:
    """Publishes messages the fast path did not; returns how many went out.

    ``grace`` leaves alone the rows whose transaction just committed, so the fast
    path and the relay rarely both publish one (when they do, the shared task id
    makes the second a no-op: see ``ReliableTask``). Stops at the first broker
    failure: the broker is down and the rest would fail the same way.
    """
    grace = settings.TASK_OUTBOX_RELAY_GRACE if grace is None else grace
    published = 0
    with transaction.atomic():
        # skip_locked: two relays running at once split the rows instead of both sending them.
        pending = list(
            OutboxMessage.objects.select_for_update(skip_locked=True)
            .filter(created_at__lte=timezone.now() - grace)
            .order_by("created_at")[:batch_size]
        )
        for message in pending:
            if not outbox_message_publish(message=message):
                break
            published += 1
    if pending:
        logger.info("Outbox relay published %d of %d pending task messages", published, len(pending))
    return published
