"""Celery signal receivers: request IDs travel with tasks; task outcomes feed the metrics.

The request ID of the HTTP request that enqueued a task rides in the message
headers (``request_id``). In the worker it becomes the current request ID for the
task's duration, so every log line the task writes carries it, and it tags the
task's Sentry events. A task with no originating request (beat) logs its own id.
"""

import time
from contextvars import Token
from typing import Any

import sentry_sdk
from celery import Task
from celery.signals import before_task_publish, task_postrun, task_prerun

from apps.common.request_context import current_request_id
from apps.jobs import metrics

REQUEST_ID_HEADER = "request_id"

# task id -> stack of (contextvar token, start time) for the tasks running in this process.
# A stack, because an eager retry runs the same task id again inside the first run.
_running: dict[str, list[tuple[Token[str] | None, float]]] = {}


@before_task_publish.connect
def request_id_to_headers(headers: dict[str, Any] | None = None, **_: Any) -> None:
    request_id = current_request_id.get()
    if headers is not None and request_id != "-":
        headers.setdefault(REQUEST_ID_HEADER, request_id)


@task_prerun.connect
def task_context_enter(task_id: str, task: Task, **_: Any) -> None:
    request_id = getattr(task.request, REQUEST_ID_HEADER, None)
    token = None
    if request_id:
        token = current_request_id.set(request_id)
    elif not task.request.is_eager:
        # Eager tasks run inside the request and keep its ID; beat-sent tasks get their own.
        token = current_request_id.set(task_id)
    sentry_sdk.set_tag("request_id", current_request_id.get())
    sentry_sdk.set_tag("celery_task_id", task_id)
    _running.setdefault(task_id, []).append((token, time.perf_counter()))


@task_postrun.connect
def task_context_exit(task_id: str, task: Task, state: str | None = None, **_: Any) -> None:
    stack = _running.get(task_id)
    if not stack:
        return
    token, started = stack.pop()
    if not stack:
        del _running[task_id]
    metrics.task_outcome_record(task_name=task.name, state=state or "UNKNOWN", seconds=time.perf_counter() - started)
    if token is not None:
        current_request_id.reset(token)
