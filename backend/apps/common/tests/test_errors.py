import pytest
from django.conf import settings
from django.test import override_settings
from rest_framework.exceptions import Throttled

from apps.common.tests.problems import problem_of

pytestmark = [pytest.mark.django_db, pytest.mark.urls("apps.common.tests.urls")]


def test_unhandled_error_is_a_500_problem_without_internals(client):
    client.raise_request_exception = False

    body = problem_of(client.get("/api/v1/test/explode/"), 500, "server_error")

    assert "hunter2" not in str(body)
    assert body["title"] == "Internal Server Error"


def test_domain_error_keeps_its_code_and_status(client):
    body = problem_of(client.get("/api/v1/test/domain-error/"), 409, "export_in_progress")

    assert body["type"] == settings.API_ERROR_TYPE_BASE_URL + "export-in-progress"


@pytest.mark.parametrize("wait", [1, 90])
def test_a_rate_limited_domain_error_is_a_429_like_drfs_throttles(client, wait):
    response = client.get(f"/api/v1/test/rate-limited/?wait={wait}")

    body = problem_of(response, 429, "throttled")
    assert response["Retry-After"] == str(wait)
    # Worded as DRF's Throttled words the request limits' 429s.
    assert body["detail"] == str(Throttled(wait=wait, detail="Too many tries.").detail)


@pytest.mark.parametrize("debug", [True, False])
def test_unknown_api_path_is_a_404_problem_in_every_mode(client, debug):
    with override_settings(DEBUG=debug):
        problem_of(client.get("/api/v1/does-not-exist/"), 404, "not_found")


def test_malformed_json_is_a_400_parse_error(client):
    response = client.post("/api/v1/test/echo/", data="{not json", content_type="application/json")

    problem_of(response, 400, "parse_error")


def test_unknown_content_type_is_a_415(client):
    response = client.post("/api/v1/test/echo/", data="a=b", content_type="application/x-www-form-urlencoded")

    problem_of(response, 415, "unsupported_media_type")


def test_oversized_body_is_a_413(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024

    response = client.post("/api/v1/test/echo/", data='{"a": "' + "x" * 2048 + '"}', content_type="application/json")

    problem_of(response, 413, "payload_too_large")


def test_wrong_method_is_a_405(client):
    problem_of(client.delete("/api/v1/test/echo/"), 405, "method_not_allowed")


def test_camel_case_json_comes_in_as_snake_case_and_goes_out_as_camel_case(client):
    response = client.post("/api/v1/test/echo/", data={"firstName": "Ada"}, content_type="application/json")

    assert response.json() == {"firstName": "Ada"}


def test_nested_validation_errors_are_flattened_with_paths():
    from rest_framework.exceptions import ErrorDetail

    from apps.common.exceptions import _flatten_validation_errors

    errors = _flatten_validation_errors(
        {
            "non_field_errors": [ErrorDetail("Bad pair.", code="invalid")],
            "tag_names": {0: [ErrorDetail("Too long.", code="max_length")]},
            "items": [{}, {"unit_price": [ErrorDetail("Required.", code="required")]}],
        }
    )

    assert errors == [
        {"field": None, "code": "invalid", "message": "Bad pair."},
        {"field": "tagNames.0", "code": "max_length", "message": "Too long."},
        {"field": "items.1.unitPrice", "code": "required", "message": "Required."},
    ]


def test_unknown_api_path_is_a_404_problem_for_posts_too(client):
    csrf_checking = client.__class__(enforce_csrf_checks=True)

    problem_of(csrf_checking.post("/api/v1/uploads/not-an-id/finish/"), 404, "not_found")


def test_django_500_handler_answers_api_paths_with_a_problem(rf):
    from config.urls import server_error

    api = server_error(rf.get("/api/v1/anything/"))
    page = server_error(rf.get("/admin/"))

    assert (api.status_code, api["Content-Type"]) == (500, "application/problem+json")
    assert page.status_code == 500
    assert page["Content-Type"].startswith("text/html")
