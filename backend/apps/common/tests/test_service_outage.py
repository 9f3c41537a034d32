"""Redis or PostgreSQL down: reads degrade to the database, what cannot be served is a 503 problem
with Retry-After, never a 500 (issue 15, finding 3). Real connections to closed local ports: the
project's own settings, the real cache backend and the real database driver fail as in production."""

import importlib.util

import pytest
from django.db import connections
from django.test import override_settings
from rest_framework_simplejwt.tokens import RefreshToken

from apps.accounts.tests.factories import UserFactory, access_token_for
from apps.common.tests.problems import problem_of
from apps.content.tests.factories import ArticleFactory

# Nothing listens here (the port range of this checkout's helpers, never a service's port).
CLOSED_PORT = 8498


def caches_with_redis_at(url: str, monkeypatch) -> dict:
    """CACHES as config/settings/cache.py builds them for this REDIS_URL."""
    monkeypatch.setenv("REDIS_URL", url)
    spec = importlib.util.find_spec("config.settings.cache")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.CACHES


@pytest.fixture
def redis_down(monkeypatch):
    with override_settings(CACHES=caches_with_redis_at(f"redis://127.0.0.1:{CLOSED_PORT}/3", monkeypatch)):
        yield


@pytest.mark.django_db
def test_article_list_is_read_from_the_database_while_redis_is_down(api_client, redis_down):
    article = ArticleFactory()

    response = api_client.get("/api/v1/articles/")

    assert response.status_code == 200, response.content
    assert [item["slug"] for item in response.json()["results"]] == [article.slug]
    assert api_client.get(f"/api/v1/articles/{article.slug}/").status_code == 200


@pytest.mark.django_db
def test_signed_in_reads_pass_the_global_limit_while_redis_is_down(api_client, redis_down):
    user = UserFactory()
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {access_token_for(user)}")

    response = api_client.get("/api/v1/users/me/")

    assert response.status_code == 200, response.content


@pytest.mark.django_db
def test_login_is_refused_with_503_while_its_limits_cannot_be_counted(api_client, redis_down):
    user = UserFactory(password="a-long-enough-passphrase")

    response = api_client.post("/api/v1/auth/login/", {"email": user.email, "password": "a-long-enough-passphrase"})

    problem_of(response, 503, "service_unavailable")
    assert response["Retry-After"] == "30"


@pytest.mark.django_db
def test_admin_login_form_answers_503_while_its_counters_cannot_be_read(client, redis_down, settings):
    user = UserFactory(password="a-long-enough-passphrase", is_staff=True)

    response = client.post(
        f"/{settings.ADMIN_URL}login/", {"username": user.email, "password": "a-long-enough-passphrase"}
    )

    assert response.status_code == 503
    assert response["Retry-After"] == "30"


@pytest.fixture
def database_down(django_db_blocker, tmp_path):
    """The default database moved to where nothing answers; the next query connects there and fails."""
    connection = connections["default"]
    with django_db_blocker.unblock():
        saved = dict(connection.settings_dict)
        # Django never closes an in-memory SQLite database (the test database of `make test`
        # without services): its connection is set aside and put back instead.
        open_connection = connection.connection if connection.vendor == "sqlite" else None
        connection.close()
        connection.connection = None
        if connection.vendor == "postgresql":
            connection.settings_dict.update(HOST="127.0.0.1", PORT=str(CLOSED_PORT))
        else:  # SQLite cannot open a file in a directory that does not exist
            connection.settings_dict.update(NAME=str(tmp_path / "missing" / "db.sqlite3"))
        try:
            yield
        finally:
            connection.close()
            connection.settings_dict.clear()
            connection.settings_dict.update(saved)
            connection.connection = open_connection


def test_api_answers_503_with_retry_after_while_the_database_is_down(api_client, database_down):
    response = api_client.get("/api/v1/articles/")

    problem_of(response, 503, "service_unavailable")
    assert response["Retry-After"] == "30"


def test_signed_in_request_answers_503_while_the_database_is_down(api_client, database_down):
    # simplejwt reads the token's user from the database: authentication itself fails.
    token = RefreshToken()
    token["user_id"] = 1
    token["sid"] = "6a3e8f5e-8d1e-4b7e-9a57-2f0d3c9b1a01"
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {token.access_token}")

    problem_of(api_client.get("/api/v1/users/me/"), 503, "service_unavailable")


def test_admin_answers_503_while_the_database_is_down(client, database_down, settings):
    client.cookies["sessionid"] = "a-session-the-database-would-have-to-look-up"

    response = client.get(f"/{settings.ADMIN_URL}")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
