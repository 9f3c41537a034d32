import logging
from unittest import mock

import pytest
from celery import shared_task
from celery.exceptions import Reject, Retry

from apps.jobs.base import ReliableTask, retry_countdown

attempts: list[int] = []
dead_letters: list[BaseException] = []


class RecordingTask(ReliableTask):
    def on_dead_letter(self, error, args, kwargs):
        dead_letters.append(error)


@shared_task(base=RecordingTask, bind=True, max_retries=3)
def fails_then_succeeds(self, failures: int, error: str = "transient") -> str:
    attempts.append(self.request.retries)
    if len(attempts) <= failures:
        raise ConnectionError("blip") if error == "transient" else ValueError("bad input")
    return "done"


@pytest.fixture(autouse=True)
def _reset():
    attempts.clear()
    dead_letters.clear()


def test_transient_errors_are_retried_until_success():
    result = fails_then_succeeds.apply_async(args=[2])

    assert result.result == "done"
    assert attempts == [0, 1, 2]
    assert dead_letters == []


def test_transient_errors_past_the_bound_are_dead_lettered_and_logged(caplog):
    with caplog.at_level(logging.ERROR), pytest.raises(ConnectionError):
        fails_then_succeeds.apply_async(args=[99])

    assert attempts == [0, 1, 2, 3]
    assert len(dead_letters) == 1
    [record] = [r for r in caplog.records if getattr(r, "dead_letter", False)]
    assert "retries exhausted" in record.getMessage()
    assert record.exc_info is not None


def test_permanent_errors_are_dead_lettered_without_retry(caplog):
    with pytest.raises(ValueError, match="bad input"):
        fails_then_succeeds.apply_async(args=[1], kwargs={"error": "permanent"})

    assert attempts == [0]
    assert "permanent error" in caplog.text


def test_on_a_worker_a_dead_letter_is_rejected_without_requeue():
    fails_then_succeeds.push_request(id="t-1", retries=3, is_eager=False)
    try:
        with pytest.raises(Reject) as rejected:
            fails_then_succeeds(99)
    finally:
        fails_then_succeeds.pop_request()

    assert rejected.value.requeue is False
    assert isinstance(rejected.value.reason, ConnectionError)


def test_on_a_worker_a_transient_error_schedules_a_retry_with_backoff():
    fails_then_succeeds.push_request(id="t-2", retries=1, is_eager=False)
    try:
        with mock.patch.object(fails_then_succeeds, "retry", side_effect=Retry("later")) as retry, pytest.raises(Retry):
            fails_then_succeeds(99)
    finally:
        fails_then_succeeds.pop_request()

    assert 5 <= retry.call_args.kwargs["countdown"] <= 10  # base 5 s, second attempt: 10 s with equal jitter


def test_a_repeat_delivery_of_a_finished_task_is_skipped():
    fails_then_succeeds.apply_async(args=[0], task_id="same-id")
    repeat = fails_then_succeeds.apply_async(args=[0], task_id="same-id")

    assert attempts == [0]
    assert repeat.result is None


@pytest.mark.parametrize(
    ("retries", "low", "high"),
    [(0, 3, 5), (1, 5, 10), (2, 10, 20), (10, 300, 600)],
)
def test_retry_countdown_grows_exponentially_with_jitter_and_a_cap(retries, low, high):
    countdowns = {retry_countdown(retries=retries, base=5, maximum=600) for _ in range(50)}

    assert all(low <= countdown <= high for countdown in countdowns)


def test_retry_countdown_is_at_least_one_second():
    assert retry_countdown(retries=0, base=0.1, maximum=600) == 1


def test_a_cache_outage_neither_skips_nor_fails_the_task(caplog):
    with mock.patch("apps.jobs.base.cache") as cache:
        cache.get.side_effect = ConnectionError("cache down")
        cache.set.side_effect = ConnectionError("cache down")
        result = fails_then_succeeds.apply_async(args=[0])

    assert result.result == "done"
    assert "Task memory unavailable, running" in caplog.text
    assert "not remembered" in caplog.text
