"""Timing on a shared machine: what a piece of code took with a CPU free whenever it could run.

Waits for a CPU are read from Linux's schedstat, of this thread and of the process serving its
database connection (PostgreSQL on this machine; not visible in a container, where it counts
as 0, as everything does where there is no schedstat).
"""

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.db import connection


def _cpu_wait(schedstat: Path) -> float:
    try:
        return int(schedstat.read_text().split()[1]) / 1e9
    except (OSError, IndexError, ValueError):
        return 0.0


def _waiters(*, database: bool) -> list[Path]:
    waiters = [Path("/proc/thread-self/schedstat")]
    if database and connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            waiters.append(Path(f"/proc/{cursor.fetchone()[0]}/schedstat"))
    return waiters


def cpu_wait(waiters: list[Path]) -> float:
    """Seconds these threads and processes waited for a CPU while runnable."""
    return sum(_cpu_wait(path) for path in waiters)


@contextmanager
def timed(into: list[float], *, wall: list[float] | None = None, database: bool = False) -> Iterator[None]:
    """Appends the block's seconds less its waits for a CPU to ``into`` (and its wall time to ``wall``).

    ``database``: less the database server's waits too (the block uses this thread's connection).
    """
    waiters = _waiters(database=database)
    started, waited = time.perf_counter(), cpu_wait(waiters)
    try:
        yield
    finally:
        elapsed = time.perf_counter() - started
        into.append(elapsed - (cpu_wait(waiters) - waited))
        if wall is not None:
            wall.append(elapsed)
