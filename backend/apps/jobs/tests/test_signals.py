from unittest import mock

import pytest
from celery import shared_task

from apps.common.request_context import current_request_id
from apps.jobs import signals

seen: list[str] = []


@shared_task
def remember_request_id() -> None:
    seen.append(current_request_id.get())


@pytest.fixture(autouse=True)
def _clear():
    seen.clear()


def test_publish_puts_the_current_request_id_in_the_headers():
    headers: dict[str, str] = {}
    token = current_request_id.set("req-1")
    try:
        signals.request_id_to_headers(headers=headers)
    finally:
        current_request_id.reset(token)

    assert headers == {"request_id": "req-1"}


def test_publish_keeps_an_explicit_request_id_and_adds_none_outside_requests():
    headers = {"request_id": "from-outbox"}
    signals.request_id_to_headers(headers=headers)
    empty: dict[str, str] = {}
    signals.request_id_to_headers(headers=empty)

    assert headers == {"request_id": "from-outbox"}
    assert empty == {}


def test_worker_runs_the_task_under_the_request_id_from_its_headers():
    remember_request_id.push_request(id="task-1", request_id="req-9", is_eager=False)
    try:
        with mock.patch.object(signals.sentry_sdk, "set_tag") as set_tag:
            signals.task_context_enter(task_id="task-1", task=remember_request_id)
            remember_request_id.run()
            signals.task_context_exit(task_id="task-1", task=remember_request_id, state="SUCCESS")
    finally:
        remember_request_id.pop_request()

    assert seen == ["req-9"]
    set_tag.assert_any_call("request_id", "req-9")
    assert current_request_id.get() == "-"


def test_a_task_without_a_request_logs_under_its_own_id():
    remember_request_id.push_request(id="beat-task-1", is_eager=False)
    try:
        signals.task_context_enter(task_id="beat-task-1", task=remember_request_id)
        remember_request_id.run()
        signals.task_context_exit(task_id="beat-task-1", task=remember_request_id, state="SUCCESS")
    finally:
        remember_request_id.pop_request()

    assert seen == ["beat-task-1"]


def test_an_eager_task_keeps_the_request_id_of_the_request_it_runs_in():
    token = current_request_id.set("req-inline")
    try:
        remember_request_id.apply()
    finally:
        current_request_id.reset(token)

    assert seen == ["req-inline"]


def test_postrun_without_prerun_is_ignored():
    signals.task_context_exit(task_id="unknown", task=remember_request_id, state="SUCCESS")
