"""Tasks the broker tests load into their workers (``celery worker --include``).

Each records what it did in files under a directory the test gives, so the test
can see effects across processes.
"""

import logging
import os
import socket
import time
from pathlib import Path

from celery import shared_task
from celery.signals import worker_process_init

from apps.exports.registry import export_section_register
from apps.jobs.base import ReliableTask

logger = logging.getLogger(__name__)


def _append(path: Path, line: str) -> int:
    with path.open("a") as file:
        file.write(line + "\n")
    return len(path.read_text().splitlines())


# Backoff without jitter, so the test can check the delays: 1 s, then 2 s.
@shared_task(base=ReliableTask, retry_backoff=1, retry_jitter=False)
def flaky(workdir: str, failures: int) -> str:
    """Fails transiently ``failures`` times, then succeeds."""
    attempts = _append(Path(workdir) / "flaky-attempts", str(time.monotonic()))
    if attempts <= failures:
        raise ConnectionError(f"transient failure {attempts}")
    return "ok"


class RecordsFailure(ReliableTask):
    def on_failure(self, exc, task_id, args, kwargs, einfo):  # type: ignore[no-untyped-def]
        _append(Path(args[0]) / "failures-handled", type(exc).__name__)


@shared_task(base=RecordsFailure, retry_backoff=1, max_retries=2)
def always_fails(workdir: str) -> None:
    _append(Path(workdir) / "always-fails-attempts", str(time.monotonic()))
    raise ConnectionError("the service never comes back")


@shared_task(base=ReliableTask)
def log_message(message: str) -> None:
    logger.info("broker test says: %s", message)


@shared_task(base=ReliableTask)
def slow_idempotent(workdir: str, key: str, before: float, after: float) -> bool:
    """Works ``before`` seconds, applies its effect once, works ``after`` seconds more.

    A run that finds the effect already applied (a redelivery after its first
    worker died) adds nothing and finishes at once.
    """
    directory = Path(workdir)
    effect = directory / f"effect-{key}"
    _append(directory / "slow-started", f"{socket.gethostname()} {os.getpid()}")
    if effect.exists():
        return False
    time.sleep(before)
    try:
        # O_EXCL: creating the effect file is the atomic "has this happened?" check.
        fd = os.open(effect, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except FileExistsError:
        return False
    os.close(fd)
    _append(directory / "slow-effects", key)
    time.sleep(after)
    return True


# An export section that never finishes for one test user: its worker can be killed mid-build.
HOLDING_FIRST_NAME = "HoldInWorker"


def _hold_for_the_test(*, user, archive) -> None:  # type: ignore[no-untyped-def]
    if user.first_name == HOLDING_FIRST_NAME:
        time.sleep(120)


@worker_process_init.connect
def _hold_section_register(**_: object) -> None:
    # In the broker tests' pool processes only: the test process imports this module too, and its
    # own export tests count the sections.
    export_section_register(name="broker-test-hold", write=_hold_for_the_test)
