"""The API docs are off in production and, when on, load only this site's files under a strict
Content-Security-Policy; the admin and every other response carry the policy (issue 15, finding 2)."""

import re

import pytest
from django.contrib.staticfiles import finders

from apps.common.tests.problems import problem_of
from apps.common.tests.test_production_settings import manage

DOCS_PAGES = ("/api/docs/", "/api/redoc/")


def _directives(response, header="Content-Security-Policy") -> dict[str, list[str]]:
    return {name: values for name, *values in (part.split() for part in response[header].split(";"))}


def test_production_serves_no_api_docs_by_default():
    probe = (
        "from django.test import Client; c = Client(); "
        "print(*(c.get(p, secure=True, HTTP_HOST='example.com').status_code "
        "for p in ('/api/schema/', '/api/docs/', '/api/redoc/')))"
    )

    result = manage("shell", "-c", probe)

    assert result.returncode == 0, result.stderr
    # The last line: Django 5.2's shell first says how many objects it imported.
    assert result.stdout.strip().splitlines()[-1].split() == ["404", "404", "404"]


@pytest.mark.parametrize("path", ["/api/schema/", *DOCS_PAGES])
def test_docs_switched_off_are_a_problem_404(client, settings, path):
    settings.API_DOCS_PUBLIC = False

    problem_of(client.get(path), 404, "not_found")


@pytest.mark.parametrize("path", DOCS_PAGES)
def test_docs_pages_load_only_files_of_this_site(client, settings, path):
    settings.API_DOCS_PUBLIC = True

    response = client.get(path)

    assert response.status_code == 200
    html = response.content.decode()
    assert not re.search(r"cdn|jsdelivr|unpkg|googleapis|https?://", html), html
    urls = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert urls
    assert all(url.startswith("/") for url in urls), urls
    for url in urls:
        if url.startswith("/static/"):
            assert finders.find(url.removeprefix("/static/")), url


@pytest.mark.parametrize("path", DOCS_PAGES)
def test_docs_pages_run_no_inline_or_foreign_script(client, settings, path):
    settings.API_DOCS_PUBLIC = True

    response = client.get(path)

    directives = _directives(response)
    assert directives["script-src"] == ["'self'"]
    assert directives["default-src"] == ["'none'"]
    assert "<script>" not in response.content.decode()


def test_swagger_ui_start_script_is_served_as_a_file(client, settings):
    settings.API_DOCS_PUBLIC = True

    response = client.get("/api/docs/?script=")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/javascript")
    assert "/api/schema/" in response.content.decode()


@pytest.mark.django_db
def test_admin_pages_carry_a_strict_policy_but_for_unfolds_eval_and_inline_styles(admin_client, settings):
    # Decision 0025: unfold's Alpine.js needs 'unsafe-eval' and inline styles, on admin pages only.
    for path in (f"/{settings.ADMIN_URL}", f"/{settings.ADMIN_URL}content/article/add/"):
        response = admin_client.get(path)

        assert response.status_code == 200
        directives = _directives(response)
        assert directives["script-src"] == ["'self'", "'unsafe-eval'"]
        assert directives["style-src"] == ["'self'", "'unsafe-inline'"]
        assert directives["frame-ancestors"] == ["'none'"]
        html = response.content.decode()
        # Scripts stay files of this origin: no inline script and no inline event handler.
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>|\son[a-z]+=", html)


def test_the_admin_relaxation_stays_in_the_admin(client):
    directives = _directives(client.get("/api/v1/nothing-here/"))

    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]


def test_admin_login_page_carries_the_policy(client, settings):
    response = client.get(f"/{settings.ADMIN_URL}login/")

    assert _directives(response)["default-src"] == ["'none'"]


def test_api_responses_carry_the_policy_too(client):
    assert _directives(client.get("/api/v1/nothing-here/"))["default-src"] == ["'none'"]
