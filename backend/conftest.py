"""Fixtures shared by every app's tests."""

import socket
import subprocess
import sys
import time
from pathlib import Path

import boto3
import pytest
import requests
from django.core.cache import caches
from rest_framework.test import APIClient

from apps.accounts.tests.factories import UserFactory
from apps.jobs import publishing
from config.celery import app as celery_app


@pytest.fixture(autouse=True)
def _isolated_cache():
    """Throttle counters and cached responses must not leak from one test into the next (each
    alias: CONTENT_REDIS_URL may put the content cache on a server of its own)."""
    for alias in ("default", "content"):
        caches[alias].clear()
    yield
    for alias in ("default", "content"):
        caches[alias].clear()


@pytest.fixture(autouse=True)
def _eager_tasks(request):
    """Tasks run inside the test unless it is marked ``broker`` (those start real workers)."""
    if request.node.get_closest_marker("broker"):
        yield
        return
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous


@pytest.fixture(autouse=True)
def _publish_breaker_closed():
    """The publish circuit breaker is per process: one test's broker failure must not skip the next's publish."""
    publishing.breaker.succeeded()
    yield
    publishing.breaker.succeeded()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


# [copier] if not lang_en
@pytest.fixture(autouse=True)
def _english_source_language(settings):
    """The tests assert the code's own strings, which are English, so they run with English as
    the default language and German beside it, as in the template; test_default_language.py
    checks the project's German-only settings (docs/template.md)."""
    settings.LANGUAGES = [("en", "English"), ("de", "Deutsch")]
    settings.LANGUAGE_CODE = "en"


# [copier] end
@pytest.fixture
def api_client() -> APIClient:
    return APIClient()


@pytest.fixture
def user(db):
    return UserFactory()


@pytest.fixture
def auth_client(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user=user)
    return client


# --- S3: a real HTTP server (moto in server mode) ------------------------------------------------
S3_BUCKET = "test-media"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def s3_server():
    """``moto_server`` on a free local port for the whole session, with the media bucket created."""
    port = _free_port()
    endpoint = f"http://127.0.0.1:{port}"
    moto_server = Path(sys.executable).with_name("moto_server")
    process = subprocess.Popen(  # noqa: S603 - fixed argv, our own virtualenv's executable
        [str(moto_server), "-H", "127.0.0.1", "-p", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                requests.get(endpoint, timeout=5)
                break
            except requests.RequestException:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"moto_server did not answer on {endpoint}; run it by hand to see why") from None
                time.sleep(0.1)
        boto3.client(
            "s3", endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="test", aws_secret_access_key="test"
        ).create_bucket(Bucket=S3_BUCKET)
        yield endpoint
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def s3_settings(settings, s3_server):
    """Media on the moto S3 server, configured as in production (private objects, presigned URLs)."""
    settings.AWS_STORAGE_BUCKET_NAME = S3_BUCKET
    settings.USE_S3 = True
    settings.AWS_S3_REGION_NAME = "us-east-1"
    settings.AWS_S3_ENDPOINT_URL = s3_server
    settings.AWS_S3_PUBLIC_ENDPOINT_URL = s3_server
    settings.AWS_ACCESS_KEY_ID = "test"
    settings.AWS_SECRET_ACCESS_KEY = "test"
    settings.AWS_S3_SIGNATURE_VERSION = "s3v4"
    settings.AWS_S3_ADDRESSING_STYLE = "path"
    settings.AWS_DEFAULT_ACL = None
    settings.AWS_QUERYSTRING_AUTH = True
    settings.AWS_QUERYSTRING_EXPIRE = 600
    settings.AWS_S3_FILE_OVERWRITE = False
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "apps.uploads.storage.MediaS3Storage"}}
    return settings
