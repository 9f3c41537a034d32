"""Two transactions at the same moment, for tests of row locks (PostgreSQL only)."""

import threading
import time
from collections.abc import Callable

from django.db import connection, connections, transaction


def lock_waiters() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_locks WHERE NOT granted")
        return cursor.fetchone()[0]


def wait_until_blocked_or_done(thread: threading.Thread, timeout: float = 5) -> None:
    """Returns once ``thread`` waits for a lock, or has finished because nothing made it wait."""
    deadline = time.monotonic() + timeout
    while thread.is_alive() and lock_waiters() == 0 and time.monotonic() < deadline:
        time.sleep(0.01)


def commit_two_at_once(first: Callable[[], None], second: Callable[[], None]) -> None:
    """Runs ``first`` and ``second``, each in its own thread and transaction. ``second`` starts
    while ``first``'s transaction is still open, and ``first`` commits only once ``second``
    waits for a lock (or, where nothing makes it wait, has committed first)."""
    first_done, may_commit = threading.Event(), threading.Event()

    def run(work: Callable[[], None], before_commit: Callable[[], None]) -> None:
        try:
            with transaction.atomic():
                work()
                before_commit()
        finally:
            connections.close_all()

    def hold() -> None:
        first_done.set()
        may_commit.wait(10)

    first_thread = threading.Thread(target=run, args=(first, hold))
    second_thread = threading.Thread(target=run, args=(second, lambda: None))
    first_thread.start()
    assert first_done.wait(10), "the first transaction did not get to its commit"
    second_thread.start()
    wait_until_blocked_or_done(second_thread)
    may_commit.set()
    first_thread.join(10)
    second_thread.join(10)
