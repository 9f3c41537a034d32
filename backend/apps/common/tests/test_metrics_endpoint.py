import pytest


@pytest.fixture
def token(settings):
    settings.METRICS_TOKEN = "scrape-secret"
    settings.CELERY_BROKER_URL = ""
    return "scrape-secret"


def test_metrics_are_refused_when_no_token_is_configured(client, settings):
    settings.METRICS_TOKEN = ""

    response = client.get("/metrics", HTTP_AUTHORIZATION="Bearer anything")

    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "permission_denied"


@pytest.mark.parametrize("header", [None, "Bearer wrong", "Basic scrape-secret", "scrape-secret"])
def test_metrics_need_the_bearer_token(client, token, header):
    extra = {"HTTP_AUTHORIZATION": header} if header else {}

    response = client.get("/metrics", **extra)

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="metrics"'
    assert response.json()["code"] == "not_authenticated"


@pytest.mark.django_db
def test_metrics_show_requests_by_view_database_queries_and_tasks(client, token):
    client.get("/healthz")

    response = client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {token}")

    assert response.status_code == 200
    text = response.content.decode()
    assert 'django_http_responses_total_by_status_view_method_total{method="GET",status="200",view="healthz"}' in text
    assert "django_http_requests_latency_seconds_by_view_method_bucket" in text
    assert "django_db_execute_total" in text
    assert "celery_tasks_total" in text


def test_metrics_only_answer_get(client, token):
    assert client.post("/metrics", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 405


def test_with_several_processes_metrics_are_read_from_the_shared_directory(client, token, settings, tmp_path):
    settings.PROMETHEUS_MULTIPROC_DIR = str(tmp_path)

    response = client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {token}")

    assert response.status_code == 200
    assert "celery_tasks_total" in response.content.decode()
