"""A TCP listener on 127.0.0.1 for the tests that put something of their own where the broker was."""

import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest

PORTS = range(9040, 9100)  # the tests' port range (9000-9099)


@contextmanager
def local_listener(on_accept: Callable[[socket.socket], None], backlog: int = 16) -> Iterator[int]:
    """Listens on the first free port of PORTS, hands every connection to `on_accept` on a thread
    of its own, and yields the port; stops accepting and closes the listener on exit."""
    listener = socket.socket()
    for port in PORTS:
        try:
            listener.bind(("127.0.0.1", port))
            break
        except OSError:
            continue
    else:
        listener.close()
        pytest.fail(f"no free port in {PORTS}")
    listener.listen(backlog)
    listener.settimeout(0.05)  # how soon the accept loop sees the stop
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            on_accept(connection)

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield port
    finally:
        stop.set()
        thread.join(timeout=2)
        listener.close()
