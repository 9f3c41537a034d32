"""The Celery application, configured from Django settings (``CELERY_*``), and its queue topology.

Queues ``emails``, ``default`` and ``low`` are durable RabbitMQ quorum queues
(replicated, persistent, with a delivery limit) bound to one topic exchange, so
Celery's native delayed delivery can hold retry countdowns in the broker rather
than in workers. Rejected messages (failed for good, or killed by the hard time
limit), and messages redelivered more often than the delivery limit (a worker dying
on them each time), are dead-lettered to two queues: ``dead_letter``, where they stay
for inspection, and ``dead_letter.failure_path``, which every worker consumes to run
the task's ``on_dead_letter`` (apps/jobs/dead_letters.py): a message that never ran
to its end still ends its work. docs/background-jobs.md explains the whole path.
"""

import os
from typing import Any

from celery import Celery, bootsteps
from celery.signals import worker_process_init
from kombu import Connection, Consumer, Exchange, Message, Queue

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("config")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

WORK_QUEUES = ("emails", "default", "low")
DEAD_LETTER_QUEUE = "dead_letter"
FAILURE_PATH_QUEUE = "dead_letter.failure_path"
# The queue of every task, by its exact name: renaming a task without its line here fails
# apps/jobs/tests/test_routing.py instead of silently moving it to another queue. Emails are
# user-facing and fast; interactive work goes to ``default``; bulk work and housekeeping to ``low``.
TASK_QUEUES = {
    "apps.accounts.tasks.send_verification_email": "emails",
    "apps.accounts.tasks.resend_verification_email": "emails",
    "apps.accounts.tasks.send_password_reset_email": "emails",
    "apps.accounts.tasks.send_welcome_email": "emails",
    "apps.accounts.tasks.send_registration_attempt_email": "emails",
    "apps.accounts.tasks.send_login_paused_email": "emails",
    "apps.accounts.tasks.send_new_device_email": "emails",
    "apps.accounts.tasks.send_email_change_confirmation": "emails",
    "apps.accounts.tasks.send_email_change_notice": "emails",
    "apps.exports.tasks.send_export_ready_email": "emails",
    "apps.mfa.tasks.send_mfa_enabled_email": "emails",
    "apps.mfa.tasks.send_mfa_disabled_email": "emails",
    "apps.mfa.tasks.send_passkey_added_email": "emails",
    "apps.mfa.tasks.send_recovery_code_used_email": "emails",
    "apps.content.tasks.send_article_submitted_email": "emails",
    "apps.content.tasks.send_changes_requested_email": "emails",
    "apps.content.tasks.send_article_published_email": "emails",
    "apps.content.tasks.make_article_cover_thumbnail": "default",
    "apps.uploads.tasks.make_avatar_thumbnail": "default",
    "apps.uploads.tasks.make_article_image_thumbnail": "default",
    "apps.content.tasks.publish_due_articles": "default",
    "apps.content.tasks.revalidate_site": "default",
    "apps.jobs.tasks.relay_task_outbox": "default",
    "apps.exports.tasks.build_export": "low",
    "apps.exports.tasks.cleanup_expired_exports": "low",
    "apps.uploads.tasks.cleanup_expired_uploads": "low",
    "apps.accounts.tasks.purge_expired_tokens": "low",
    "apps.accounts.tasks.delete_unverified_accounts": "low",
}


def _prefix() -> str:
    # Read when used, not at import: importing this module must not load Django settings.
    from django.conf import settings

    return settings.CELERY_QUEUE_PREFIX


def _exchanges() -> tuple[Exchange, Exchange]:
    prefix = _prefix()
    return (
        Exchange(f"{prefix}tasks", type="topic", durable=True),
        Exchange(f"{prefix}dead_letter", type="direct", durable=True),
    )


def work_queue(name: str) -> Queue:
    from django.conf import settings

    task_exchange, dead_letter_exchange = _exchanges()
    return Queue(
        _prefix() + name,
        exchange=task_exchange,
        routing_key=_prefix() + name,
        durable=True,
        queue_arguments={
            "x-queue-type": "quorum",
            "x-dead-letter-exchange": dead_letter_exchange.name,
            "x-dead-letter-routing-key": DEAD_LETTER_QUEUE,
            # A message whose worker dies this often (OOM, hard time limit) is a poison message.
            "x-delivery-limit": settings.CELERY_QUEUE_DELIVERY_LIMIT,
        },
    )


def dead_letter_queue() -> Queue:
    _, dead_letter_exchange = _exchanges()
    return Queue(
        _prefix() + DEAD_LETTER_QUEUE,
        exchange=dead_letter_exchange,
        routing_key=DEAD_LETTER_QUEUE,
        durable=True,
        queue_arguments={"x-queue-type": "quorum"},
    )


def failure_path_queue() -> Queue:
    """A second copy of every dead letter, taken by workers to run the task's failure path."""
    _, dead_letter_exchange = _exchanges()
    return Queue(
        _prefix() + FAILURE_PATH_QUEUE,
        exchange=dead_letter_exchange,
        routing_key=DEAD_LETTER_QUEUE,
        durable=True,
        # A failure path that keeps failing (its database is down) gives up after this many tries;
        # the copy in ``dead_letter`` and the stale-export sweep remain.
        queue_arguments={"x-queue-type": "quorum", "x-delivery-limit": 5},
    )


def queue_names() -> list[str]:
    return [_prefix() + name for name in (*WORK_QUEUES, DEAD_LETTER_QUEUE, FAILURE_PATH_QUEUE)]


def declare_dead_letter_queue(connection: Connection) -> None:
    channel = connection.default_channel
    dead_letter_queue().bind(channel).declare()
    failure_path_queue().bind(channel).declare()


class DeadLetterQueueDeclare(bootsteps.StartStopStep):
    """Declares the dead-letter exchange and queue each time a worker (re)connects.

    RabbitMQ silently drops a message dead-lettered to an exchange that does not
    exist, so it must exist before the first rejection.
    """

    requires = {"celery.worker.consumer.connection:Connection"}

    def start(self, consumer: Any) -> None:
        declare_dead_letter_queue(consumer.connection)


class DeadLetterFailurePath(bootsteps.ConsumerStep):
    """Consumes ``dead_letter.failure_path`` in the worker's main process: one quick handler per message."""

    def get_consumers(self, channel: Any) -> list[Consumer]:
        return [
            Consumer(
                channel,
                queues=[failure_path_queue()],
                callbacks=[self.on_message],
                accept=["json"],
                prefetch_count=1,
            )
        ]

    def on_message(self, body: Any, message: Message) -> None:
        from apps.jobs.dead_letters import dead_letter_handle

        if dead_letter_handle(headers=message.headers or {}, body=body):
            message.ack()
        else:
            message.reject(requeue=True)


app.steps["consumer"].add(DeadLetterQueueDeclare)
app.steps["consumer"].add(DeadLetterFailurePath)


@worker_process_init.connect
def _tracing_start(**_: Any) -> None:
    # In each pool process, after the fork from the worker's main process (config/tracing.py).
    from django.conf import settings

    from config.tracing import tracing_instrument, tracing_provider_setup

    if tracing_instrument():
        tracing_provider_setup(service_name=f"{settings.OTEL_SERVICE_NAME}-worker")


@app.on_after_configure.connect
def _topology_configure(sender: Celery, **_: Any) -> None:
    prefix = _prefix()
    task_exchange = _exchanges()[0]
    sender.conf.task_queues = [work_queue(name) for name in WORK_QUEUES]
    sender.conf.task_default_queue = prefix + "default"
    sender.conf.task_default_exchange = task_exchange.name
    sender.conf.task_default_exchange_type = task_exchange.type
    sender.conf.task_default_routing_key = prefix + "default"
    sender.conf.task_routes = {name: {"queue": prefix + queue} for name, queue in TASK_QUEUES.items()}
    # A route to a queue not declared above is an error, not a new classic queue without a dead letter.
    sender.conf.task_create_missing_queues = False
