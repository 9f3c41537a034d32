"""The base class of every task we write: Celery's own retry options, plus a skip for a repeat.

Retries are Celery's ``autoretry_for`` with exponential backoff and full jitter
(``retry_backoff``, ``retry_backoff_max``, ``retry_jitter``) up to ``max_retries``;
a task lists what is transient for it in ``autoretry_for``. A task that still fails,
or fails with anything else, calls its ``on_failure`` handler and its message is
rejected without requeue (``CELERY_TASK_ACKS_ON_FAILURE = False`` with late acks),
so RabbitMQ moves it to the dead-letter queue. The whole path: docs/background-jobs.md.
https://docs.celeryq.dev/en/stable/userguide/tasks.html#automatic-retry-for-known-exceptions
"""

import logging
import smtplib
from typing import Any

from botocore.exceptions import BotoCoreError
from celery import Task
from celery.backends.base import DisabledBackend
from celery.exceptions import Ignore
from django.conf import settings
from django.db import InterfaceError
from django.db import OperationalError as DatabaseOperationalError

logger = logging.getLogger(__name__)

# Failures that may go away by themselves: a network blip, a restarting database or mail server.
TRANSIENT_ERRORS: tuple[type[BaseException], ...] = (
    ConnectionError,
    TimeoutError,
    DatabaseOperationalError,
    InterfaceError,
)
TRANSIENT_EMAIL_ERRORS = (*TRANSIENT_ERRORS, smtplib.SMTPException)
TRANSIENT_STORAGE_ERRORS = (*TRANSIENT_ERRORS, OSError, BotoCoreError)


class ReliableTask(Task):
    """Retries ``autoretry_for`` with backoff, then fails for good (dead letter, ``on_failure``).

    Delivery is at least once, so a task can be delivered again after it ran: the
    outbox's fast path and its relay can both publish one message (docs/decisions/0016).
    A delivery whose task id already has a stored success is skipped; task bodies
    are idempotent as well.
    """

    autoretry_for = TRANSIENT_ERRORS
    max_retries = settings.CELERY_TASK_MAX_RETRIES
    retry_backoff = settings.CELERY_TASK_RETRY_BACKOFF_BASE
    retry_backoff_max = settings.CELERY_TASK_RETRY_BACKOFF_MAX
    retry_jitter = True

    def before_start(self, task_id: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        if self.request.is_eager or isinstance(self.backend, DisabledBackend):
            return
        try:
            succeeded = self.AsyncResult(task_id).successful()
        except Exception as error:  # noqa: BLE001 - result backends raise their own types
            # The check only saves a repeat (task bodies are idempotent): a result-store outage must not fail it.
            logger.warning("Result backend unavailable, running %s[%s] anyway: %r", self.name, task_id, error)
            return
        if succeeded:
            logger.info("Task %s[%s] already succeeded; skipping the repeat delivery", self.name, task_id)
            # Ignore: acknowledged, and the stored success is left as it is.
            raise Ignore

    def on_dead_letter(self, *, task_id: str, args: tuple[Any, ...], kwargs: dict[str, Any], reason: str) -> None:
        """The message was dead-lettered (apps/jobs/dead_letters.py). Tasks whose work has a visible
        state (an export "running") override this to end it; it must be idempotent."""
        logger.error(
            "Task %s[%s] was dead-lettered (%s); it has no failure path of its own", self.name, task_id, reason
        )
