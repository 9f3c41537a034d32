"""Errors Django answers itself, outside DRF views, are problem documents under /api/ too."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import Client, RequestFactory

from apps.common.tests.problems import problem_of
from config import urls

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    [
        "/metrics",
        # [copier] if social
        "/api/v1/auth/social/github/login/",
        "/api/v1/auth/social/github/complete/",
        # [copier] end
    ],
)
@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_wrong_method_on_a_plain_django_view_is_a_405_problem(method, path):
    # CSRF enforced, as for a real client: its HTML 403 must not come before the 405.
    client = Client(enforce_csrf_checks=True)

    response = getattr(client, method)(path)

    problem_of(response, 405, "method_not_allowed")
    assert response["Allow"] == "GET"


def test_get_still_reaches_the_metrics_view(client, settings):
    settings.METRICS_TOKEN = ""

    problem_of(client.get("/metrics"), 403, "permission_denied")


def test_bad_host_on_an_api_path_is_a_400_problem(client):
    response = client.get("/api/v1/articles/", HTTP_HOST="evil.example")

    body = problem_of(response, 400, "bad_request")
    assert "evil" not in str(body)


def test_bad_host_elsewhere_keeps_djangos_page(client, settings):
    response = client.get(f"/{settings.ADMIN_URL}", HTTP_HOST="evil.example")

    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")


@pytest.mark.parametrize(
    ("handler", "exception", "status", "code"),
    [
        (urls.bad_request, Exception("bad"), 400, "bad_request"),
        (urls.permission_denied, PermissionDenied(), 403, "permission_denied"),
        (urls.page_not_found, Http404(), 404, "not_found"),
    ],
)
def test_error_handlers_answer_problems_under_api_and_html_elsewhere(handler, exception, status, code):
    factory = RequestFactory()

    problem_of(handler(factory.get("/api/v1/anything/"), exception), status, code)
    html = handler(factory.get("/some-page/"), exception)
    assert html.status_code == status
    assert html["Content-Type"].startswith("text/html")


def test_handlers_are_installed():
    assert (urls.handler400, urls.handler403, urls.handler404, urls.handler500) == (
        urls.bad_request,
        urls.permission_denied,
        urls.page_not_found,
        urls.server_error,
    )
