"""Where a request's time goes beyond a bare Django view: the cost of each middleware, in-process.

Runs /healthz, the cached article list (a response-cache hit) and users/me through Django's WSGI
handler, in-process, with the full MIDDLEWARE and then with one middleware (or one group that
depends on each other) removed at a time, and prints CPU microseconds per request and the
difference to the full stack; then the bare `startproject` view of bench/bare/ the same way,
with and without its middleware.
CPU time (time.process_time) rather than wall time, so other jobs on a shared machine move the
figures less; waits on PostgreSQL and Redis are not in it. Rounds interleave the variants and
each keeps its best. Not part of `make bench`; needs the database and Redis that bench/run.sh
seeded (BENCH_DATABASE, BENCH_REDIS_URL as there). See docs/benchmarks.md.

    cd backend && uv run python ../bench/middleware.py
    MIDDLEWARE_ROUNDS=5 MIDDLEWARE_REQUESTS=1000 uv run python ../bench/middleware.py
"""

# ruff: noqa: T201 - a command-line report prints

import io
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REQUESTS = int(os.environ.get("MIDDLEWARE_REQUESTS", "500"))
ROUNDS = int(os.environ.get("MIDDLEWARE_ROUNDS", "3"))
# Removed together: AuthenticationMiddleware and MessageMiddleware refuse to run without sessions.
GROUPS = {"SessionMiddleware": ("SessionMiddleware", "AuthenticationMiddleware", "MessageMiddleware")}

WSGIApp = Callable[[dict, Callable], Iterable[bytes]]


def _configure(settings_module: str) -> None:
    pg = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
    # What bench/run.sh exports for its gunicorn servers; S3 is never contacted by these requests.
    os.environ.update(
        DJANGO_SETTINGS_MODULE=settings_module,
        DJANGO_ENV="production",
        DJANGO_SECRET_KEY=os.environ.get("DJANGO_SECRET_KEY") or "bench-middleware-" + "x" * 50,
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="false",
        DATABASE_URL=f"{pg}/{os.environ.get('BENCH_DATABASE', 'bench')}",
        REDIS_URL=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/3"),
        CELERY_BROKER_URL="amqp://guest:guest@127.0.0.1:5672//",
        EMAIL_URL="smtp://127.0.0.1:1025",
        METRICS_TOKEN="bench-metrics-token",  # noqa: S106 - the placeholder of bench/run.sh
        AWS_STORAGE_BUCKET_NAME="bench-media",
        AWS_S3_ENDPOINT_URL="http://127.0.0.1:9",
        AWS_ACCESS_KEY_ID="test",
        AWS_SECRET_ACCESS_KEY="test",  # noqa: S106 - moto's placeholder, as in bench/run.sh
        AWS_S3_REGION_NAME="us-east-1",
        THROTTLE_ANON_RATE="",
        THROTTLE_USER_RATE="",
        JWT_ACCESS_TOKEN_LIFETIME_SECONDS="3600",  # noqa: S106 - a lifetime, not a secret
        LOG_LEVEL="WARNING",
    )
    os.environ.pop("SENTRY_DSN", None)
    sys.path.insert(0, str(ROOT / ("bench" if settings_module.startswith("bare.") else "backend")))
    import django

    django.setup()


def _environ(path: str, headers: dict[str, str]) -> dict:
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SCRIPT_NAME": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "127.0.0.1:8000",
        "wsgi.url_scheme": "http",
        **headers,
    }


def _start_response(status: str, headers: list) -> None:
    if not status.startswith("200"):
        raise SystemExit(f"bench: answered {status}; run bench/run.sh first, it seeds the database")


def _cpu_us_per_request(app: WSGIApp, path: str, headers: dict[str, str], count: int) -> float:
    base = _environ(path, headers)
    started = time.process_time()
    for _ in range(count):
        response = app({**base, "wsgi.input": io.BytesIO(b"")}, _start_response)
        b"".join(response)
        response.close()  # type: ignore[attr-defined]  # Django's responses close; request_finished fires
    return (time.process_time() - started) / count * 1e6


def _handler(middleware: list[str]) -> WSGIApp:
    from django.core.handlers.wsgi import WSGIHandler
    from django.test import override_settings

    with override_settings(MIDDLEWARE=middleware):
        return WSGIHandler()


def measure_api() -> None:
    from django.conf import settings
    from rest_framework_simplejwt.tokens import AccessToken

    from apps.accounts.models import User

    token = AccessToken.for_user(User.objects.get(email="demo@example.com"))
    requests = {
        "/healthz": ("/healthz", {}),
        "list, cached": ("/api/v1/articles/", {}),
        "users/me": ("/api/v1/users/me/", {"HTTP_AUTHORIZATION": f"Bearer {token}"}),
    }
    full = list(settings.MIDDLEWARE)
    variants = {"full stack": full}
    for dotted in full:
        name = dotted.rsplit(".", 1)[1]
        drop = GROUPS.get(name, (name,))
        variants["- " + " + ".join(drop)] = [m for m in full if m.rsplit(".", 1)[1] not in drop]
    variants["- both Prometheus"] = [m for m in full if not m.startswith("django_prometheus.")]
    variants["no middleware"] = []

    handlers = {label: _handler(middleware) for label, middleware in variants.items()}
    for handler in handlers.values():  # warm: connections, caches, the cached list's entry
        for path, headers in requests.values():
            _cpu_us_per_request(handler, path, headers, 100)
    best: dict[tuple[str, str], float] = {}
    for _ in range(ROUNDS):
        for label, handler in handlers.items():
            for request, (path, headers) in requests.items():
                us = _cpu_us_per_request(handler, path, headers, REQUESTS)
                best[label, request] = min(us, best.get((label, request), us))

    load = os.getloadavg()[0]
    print(f"CPU µs per request, in-process, best of {ROUNDS} rounds of {REQUESTS}; load average {load:.2f}")
    print(f"| {'middleware':<66} | " + " | ".join(f"{r:>17}" for r in requests) + " |")
    print(f"|{'-' * 68}|" + "|".join("-" * 19 for _ in requests) + "|")
    for label in variants:
        cells = []
        for request in requests:
            us, full_us = best[label, request], best["full stack", request]
            cells.append(f"{us:17.0f}" if label == "full stack" else f"{us:8.0f} ({us - full_us:+5.0f})")
        print(f"| {label:<66} | " + " | ".join(cells) + " |")


def measure_bare() -> None:
    from django.conf import settings

    for label, middleware in (("startproject's 7 middleware", settings.MIDDLEWARE), ("no middleware", [])):
        app = _handler(middleware)
        _cpu_us_per_request(app, "/", {}, 100)
        us = min(_cpu_us_per_request(app, "/", {}, REQUESTS) for _ in range(ROUNDS * 3))
        print(f"bare Django view (bench/bare/), {label}: {us:.0f} µs")


if __name__ == "__main__":
    if sys.argv[1:] == ["--bare"]:
        _configure("bare.settings")
        measure_bare()
    else:
        _configure("config.settings")
        measure_api()
        subprocess.run([sys.executable, __file__, "--bare"], check=True)  # noqa: S603 - this same file
