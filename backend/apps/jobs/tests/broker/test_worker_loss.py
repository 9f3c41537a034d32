"""A worker killed mid-task: the message goes back to the queue and another worker finishes it, once."""

import pytest

from apps.jobs.tests import broker_tasks
from apps.jobs.tests.broker.conftest import wait_for

pytestmark = [pytest.mark.broker, pytest.mark.django_db(transaction=True)]


def test_task_of_a_killed_worker_is_redelivered_and_its_effect_applied_once(start_worker, tmp_path):
    first = start_worker("doomed")
    result = broker_tasks.slow_idempotent.delay(str(tmp_path), "order-1", 0.5, 60.0)
    # The first worker applied the effect and is still working: its message is not acknowledged yet.
    wait_for(lambda: (tmp_path / "effect-order-1").exists(), timeout=20, what="the first run's effect")
    second = start_worker("survivor")

    first.kill()

    wait_for(lambda: f"slow_idempotent[{result.id}] succeeded" in second.log(), timeout=30, what="the redelivered run")
    assert len((tmp_path / "slow-started").read_text().splitlines()) == 2
    assert (tmp_path / "slow-effects").read_text().split() == ["order-1"]
