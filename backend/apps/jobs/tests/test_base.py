from unittest import mock

import pytest
from celery import shared_task
from celery.exceptions import Ignore, Retry
from django.conf import settings

from apps.jobs.base import ReliableTask
from config.celery import app as celery_app

attempts: list[int] = []
failures: list[BaseException] = []


class RecordingTask(ReliableTask):
    def on_failure(self, exc, task_id, args, kwargs, einfo):
        failures.append(exc)


@shared_task(base=RecordingTask, bind=True, max_retries=3)
def fails_then_succeeds(self, failures: int, error: str = "transient") -> str:
    attempts.append(self.request.retries)
    if len(attempts) <= failures:
        raise ConnectionError("blip") if error == "transient" else ValueError("bad input")
    return "done"


@pytest.fixture(autouse=True)
def _reset():
    attempts.clear()
    failures.clear()


def test_the_retry_policy_is_celerys_own():
    assert fails_then_succeeds.autoretry_for == ReliableTask.autoretry_for
    assert ConnectionError in fails_then_succeeds.autoretry_for
    assert (fails_then_succeeds.retry_backoff, fails_then_succeeds.retry_backoff_max) == (5, 600)
    assert fails_then_succeeds.retry_jitter is True
    assert fails_then_succeeds.acks_late is True
    assert fails_then_succeeds.reject_on_worker_lost is True
    # Failed for good: rejected without requeue, so RabbitMQ dead-letters the message.
    assert fails_then_succeeds.acks_on_failure is False
    assert settings.CELERY_TASK_ACKS_ON_FAILURE is False


def test_without_a_broker_a_transient_error_surfaces_at_once_as_celerys_retry():
    # Eager mode (make dev, tests) with task_eager_propagates: Celery raises the scheduled retry
    # instead of sleeping through the backoff inside the request. A worker retries (broker tests).
    with pytest.raises(Retry, match="blip"):
        fails_then_succeeds.apply_async(args=[99])

    assert attempts == [0]
    assert failures == []


@pytest.fixture
def not_propagating():
    """Eager tasks handle their outcome as a worker does: retries (inline, without the backoff's wait),
    then the failure handler. With task_eager_propagates, Celery raises at once and skips both."""
    celery_app.conf.task_eager_propagates = False
    yield
    celery_app.conf.task_eager_propagates = True


def test_transient_errors_are_retried_until_success(not_propagating):
    result = fails_then_succeeds.apply(args=[2])

    assert result.result == "done"
    assert attempts == [0, 1, 2]
    assert failures == []


def test_transient_errors_past_the_bound_fail_and_run_the_failure_handler(not_propagating):
    result = fails_then_succeeds.apply(args=[99])

    assert isinstance(result.result, ConnectionError)
    assert attempts == [0, 1, 2, 3]
    assert [type(error) for error in failures] == [ConnectionError]


def test_permanent_errors_fail_without_retry(not_propagating):
    result = fails_then_succeeds.apply(args=[1], kwargs={"error": "permanent"})

    assert isinstance(result.result, ValueError)
    assert attempts == [0]
    assert [type(error) for error in failures] == [ValueError]


def test_on_a_worker_a_transient_error_schedules_a_retry_with_capped_exponential_backoff():
    fails_then_succeeds.push_request(id="t-2", retries=1, is_eager=False)
    try:
        with mock.patch.object(fails_then_succeeds, "retry", side_effect=Retry("later")) as retry, pytest.raises(Retry):
            fails_then_succeeds(99)
    finally:
        fails_then_succeeds.pop_request()

    assert 0 <= retry.call_args.kwargs["countdown"] <= 10  # base 5 s, second attempt: up to 10 s, full jitter


@pytest.fixture
def on_a_worker():
    """The task's request as a worker sets it (not eager), with the result backend's answer mocked."""
    fails_then_succeeds.push_request(id="task-1", is_eager=False)
    with mock.patch.object(fails_then_succeeds, "AsyncResult") as result:
        yield result
    fails_then_succeeds.pop_request()


def test_a_repeat_delivery_of_a_task_that_succeeded_is_skipped(on_a_worker):
    on_a_worker.return_value.successful.return_value = True

    with pytest.raises(Ignore):
        fails_then_succeeds.before_start("task-1", (0,), {})

    on_a_worker.assert_called_once_with("task-1")


def test_a_first_delivery_runs(on_a_worker):
    on_a_worker.return_value.successful.return_value = False

    assert fails_then_succeeds.before_start("task-1", (0,), {}) is None


def test_a_result_backend_outage_neither_skips_nor_fails_the_task(on_a_worker, caplog):
    on_a_worker.side_effect = ConnectionError("redis down")

    assert fails_then_succeeds.before_start("task-1", (0,), {}) is None
    assert "Result backend unavailable, running" in caplog.text


def test_eager_tasks_do_not_look_up_results():
    with mock.patch.object(fails_then_succeeds, "AsyncResult") as result:
        fails_then_succeeds.apply_async(args=[0])

    result.assert_not_called()
