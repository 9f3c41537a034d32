"""The failure path of a dead-lettered message: work whose task never reached its end still ends.

RabbitMQ dead-letters a task message when it was rejected (the task failed for good, or
its hard time limit killed it) or redelivered more often than the queue's delivery limit
(its worker died on it each time). In the last two cases no code of the task ran to its
end, so nothing marked its work failed: an export stayed "running" and blocked the next.
Workers consume a copy of every dead letter (config/celery.py) and call the task's
``on_dead_letter``; a task whose failure path already ran (``on_failure``) runs an
idempotent one again, which changes nothing.
"""

import logging
from typing import Any

from celery import current_app
from django.db import DatabaseError, connection, connections

logger = logging.getLogger(__name__)


def dead_letter_reason(headers: dict[str, Any]) -> str:
    """``delivery_limit``, ``rejected``, ``expired`` ... as RabbitMQ recorded it."""
    reason = headers.get("x-first-death-reason")
    if reason:
        return str(reason)
    deaths = headers.get("x-death") or []
    return str(deaths[0].get("reason", "unknown")) if deaths else "unknown"


def dead_letter_handle(*, headers: dict[str, Any], body: Any) -> bool:
    """Runs the failure path of one dead-lettered task message. False: try again later."""
    task_name, task_id = headers.get("task"), headers.get("id")
    reason = dead_letter_reason(headers)
    task = current_app.tasks.get(task_name) if task_name else None
    on_dead_letter = getattr(task, "on_dead_letter", None)
    if on_dead_letter is None:
        logger.error("Dead-lettered message (%s) of unknown task %s[%s]: no failure path", reason, task_name, task_id)
        return True
    # Task protocol 2: the body is [args, kwargs, embed].
    args, kwargs = (body[0], body[1]) if isinstance(body, list | tuple) and len(body) >= 2 else ([], {})
    try:
        on_dead_letter(task_id=task_id, args=tuple(args), kwargs=dict(kwargs), reason=reason)
    except DatabaseError:
        logger.exception("Failure path of dead-lettered %s[%s] failed; it will be tried again", task_name, task_id)
        return False
    finally:
        # The worker's main process runs this; it must not keep a connection its pool children inherit.
        # (Inside a transaction, as in a test, the caller owns the connection.)
        if not connection.in_atomic_block:
            connections.close_all()
    return True
