"""The base class of every task we write: bounded retries with backoff, then a dead-letter path.

Delivery is at least once (late acks, redelivery when a worker dies), so a task
can run more than once; ``ReliableTask`` makes a repeat of a task that already
succeeded a no-op, and each task body is written to be idempotent as well.
See docs/background-jobs.md.
"""

import logging
import math
import random
import smtplib
from typing import Any

from celery import Task
from celery.exceptions import Reject, Retry
from django.conf import settings
from django.core.cache import cache
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

_jitter = random.SystemRandom()


def retry_countdown(*, retries: int, base: float, maximum: float) -> int:
    """Exponential backoff with "equal jitter": half the delay is fixed, half random.

    The fixed half keeps the delay growing with each attempt; the random half
    spreads out tasks that failed together, so they don't all retry at once.
    https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
    Whole seconds, at least one: RabbitMQ's native delayed delivery counts in
    seconds and refuses a countdown that rounds down to zero.
    """
    delay = min(maximum, base * 2**retries)
    return max(1, math.ceil(delay / 2 + _jitter.uniform(0, delay / 2)))


class ReliableTask(Task):
    """Retries ``transient_errors`` up to ``max_retries`` times, then dead-letters the message.

    Any other exception is permanent and dead-letters at once. Dead-lettering logs
    the error with its traceback (Sentry's logging integration turns it into an
    event tagged with the request ID), calls ``on_dead_letter`` and rejects the
    message without requeue, so RabbitMQ moves it to the dead-letter queue.
    """

    abstract = True
    transient_errors: tuple[type[BaseException], ...] = TRANSIENT_ERRORS
    max_retries = settings.CELERY_TASK_MAX_RETRIES
    retry_backoff_base = settings.CELERY_TASK_RETRY_BACKOFF_BASE
    retry_backoff_max = settings.CELERY_TASK_RETRY_BACKOFF_MAX

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        done_key = f"celery:task-done:{self.request.id}" if self.request.id else None
        if done_key and self._remembered(done_key):
            logger.info("Task %s[%s] already succeeded; skipping the repeat delivery", self.name, self.request.id)
            return None
        try:
            result = super().__call__(*args, **kwargs)
        except Retry:
            raise
        except self.transient_errors as error:
            if self.request.retries < self.max_retries:
                countdown = retry_countdown(
                    retries=self.request.retries, base=self.retry_backoff_base, maximum=self.retry_backoff_max
                )
                logger.warning(
                    "Task %s[%s] failed (attempt %d of %d), retrying in %ds: %r",
                    self.name,
                    self.request.id,
                    self.request.retries + 1,
                    self.max_retries + 1,
                    countdown,
                    error,
                )
                if self.request.is_eager:
                    # With eager_propagates, apply() re-raises Retry instead of running the next
                    # attempt; run it here, at once, and make its outcome this call's outcome.
                    retry = self.retry(exc=error, countdown=countdown, throw=False)
                    return retry.sig.apply(retries=self.request.retries + 1).result
                raise self.retry(exc=error, countdown=countdown) from error
            self._dead_letter(error, args, kwargs, reason="retries exhausted")
        except Exception as error:  # noqa: BLE001 - every other error is permanent: dead-letter, never drop it
            self._dead_letter(error, args, kwargs, reason="permanent error")
        if done_key:
            self._remember(done_key)
        return result

    # The done-task memory only saves work on duplicate deliveries (task bodies are idempotent
    # anyway), so a cache outage must not fail the task: it is logged and ignored.
    def _remembered(self, key: str) -> bool:
        try:
            return bool(cache.get(key))
        except Exception as error:  # noqa: BLE001 - cache backends raise their own types
            logger.warning("Task memory unavailable, running %s[%s] anyway: %r", self.name, self.request.id, error)
            return False

    def _remember(self, key: str) -> None:
        try:
            cache.set(key, 1, timeout=settings.CELERY_TASK_DONE_MEMORY_SECONDS)
        except Exception as error:  # noqa: BLE001 - cache backends raise their own types
            logger.warning("Task memory unavailable, %s[%s] not remembered: %r", self.name, self.request.id, error)

    def on_dead_letter(self, error: BaseException, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        """Override to record the failure in the domain (mark an export failed, ...)."""

    def _dead_letter(self, error: BaseException, args: tuple[Any, ...], kwargs: dict[str, Any], reason: str) -> None:
        logger.error(
            "Task %s[%s] dead-lettered after %d attempt(s) (%s): %r",
            self.name,
            self.request.id,
            self.request.retries + 1,
            reason,
            error,
            exc_info=error,
            extra={"task_name": self.name, "task_id": self.request.id, "dead_letter": True},
        )
        self.on_dead_letter(error, args, kwargs)
        if self.request.is_eager:
            # No broker, no dead-letter queue: the caller sees the error instead.
            raise error
        raise Reject(error, requeue=False) from error
