import contextlib
import socket
import time
from unittest import mock

import pytest
from health_check.checks import Cache, Database, Storage
from health_check.exceptions import ServiceUnavailable
from kombu import Connection

from apps.common.health import Broker

pytestmark = pytest.mark.django_db


def test_healthz_answers_without_touching_dependencies(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")

    assert (response.status_code, response.json()) == (200, {"status": "ok"})


def test_readyz_on_embedded_defaults_reports_unconfigured_services_and_passes(client, settings):
    settings.REDIS_URL = ""
    settings.CELERY_BROKER_URL = ""

    response = client.get("/readyz")

    assert response.status_code == 200
    statuses = {component["name"]: component["status"] for component in response.json()["components"]}
    assert statuses == {"database": "ok", "cache": "not_configured", "broker": "not_configured", "storage": "ok"}


def _down(name: str):
    """Makes one component's check fail, as the library reports an outage."""
    checks = {"database": Database, "cache": Cache, "storage": Storage, "broker": Broker}
    return mock.patch.object(checks[name], "run", side_effect=ServiceUnavailable(f"{name} gone"))


@pytest.mark.parametrize(
    ("down", "status_code"),
    [
        # What a web pod cannot serve without: it leaves the Service.
        (("database",), 503),
        (("cache",), 503),
        (("database", "broker", "storage"), 503),
        # What most requests do without: reported, the pod stays ready.
        (("broker",), 200),
        (("storage",), 200),
        (("broker", "storage"), 200),
    ],
)
def test_readiness_fails_only_for_the_database_and_the_cache(client, settings, down, status_code):
    settings.REDIS_URL = settings.REDIS_URL or "redis://127.0.0.1:6379/0"
    settings.CELERY_BROKER_URL = settings.CELERY_BROKER_URL or "amqp://guest:guest@127.0.0.1:5672//"
    with contextlib.ExitStack() as stack:
        for name in down:
            stack.enter_context(_down(name))
        response = client.get("/readyz")

    assert response.status_code == status_code
    assert response.json()["status"] == ("ok" if status_code == 200 else "error")
    components = {component["name"]: component for component in response.json()["components"]}
    for name in down:
        assert (components[name]["status"], components[name]["error"]) == ("error", f"Unavailable: {name} gone")
        assert components[name]["latencyMs"] is not None


def test_a_black_holed_broker_is_reported_within_the_probe_timeout(client, settings):
    """A broker that accepts and never answers must not hold the probe past its 5 s timeout."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)  # the kernel completes the handshakes; nobody ever reads
        settings.CELERY_BROKER_URL = f"amqp://guest:guest@127.0.0.1:{listener.getsockname()[1]}//"
        started = time.perf_counter()
        response = client.get("/readyz")
        elapsed = time.perf_counter() - started

    assert response.status_code == 200
    broker = next(c for c in response.json()["components"] if c["name"] == "broker")
    assert broker["status"] == "error"
    assert elapsed < 3, f"/readyz took {elapsed:.1f} s"


def test_a_broker_outage_is_reported_but_keeps_the_pod_ready(client, settings):
    settings.CELERY_BROKER_URL = "amqp://guest:guest@127.0.0.1:1//"  # nothing listens on port 1

    response = client.get("/readyz")

    # Requests still succeed while the broker is down: their tasks wait in the outbox.
    assert (response.status_code, response.json()["status"]) == (200, "ok")
    broker = next(c for c in response.json()["components"] if c["name"] == "broker")
    assert broker["status"] == "error"
    assert "cannot connect to the broker" in broker["error"]
    assert broker["latencyMs"] is not None


def test_the_database_check_is_django_health_checks(client):
    with mock.patch.object(Database, "run", side_effect=ServiceUnavailable("down")):
        response = client.get("/readyz")

    assert response.status_code == 503
    database = next(c for c in response.json()["components"] if c["name"] == "database")
    assert (database["status"], database["error"]) == ("error", "Unavailable: down")


@pytest.mark.skipif("not __import__('django.conf').conf.settings.REDIS_URL", reason="needs REDIS_URL (set in CI)")
def test_readyz_checks_the_real_cache(client):
    cache = next(c for c in client.get("/readyz").json()["components"] if c["name"] == "cache")

    assert cache["status"] == "ok"


@pytest.mark.skipif(
    "not __import__('django.conf').conf.settings.CELERY_BROKER_URL", reason="needs CELERY_BROKER_URL (set in CI)"
)
def test_readyz_checks_the_real_broker(client, settings):
    with Connection(settings.CELERY_BROKER_URL) as connection:
        connection.ensure_connection(max_retries=1)

    broker = next(c for c in client.get("/readyz").json()["components"] if c["name"] == "broker")

    assert broker["status"] == "ok"


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_probes_addressed_by_pod_ip_pass_host_validation(client, settings, path):
    settings.ALLOWED_HOSTS = ["example.com"]

    assert client.get(path, HTTP_HOST="10.1.2.3:8000").status_code == 200


def test_other_paths_still_refuse_unknown_hosts(client, settings):
    settings.ALLOWED_HOSTS = ["example.com"]
    client.raise_request_exception = False

    assert client.get("/api/v1/articles/", HTTP_HOST="10.1.2.3:8000").status_code == 400
