"""The article form's Markdown editor: the preview endpoint (staff session, CSRF, size limit, the
site's renderer), the widget's wiring, and the save refusing body images without alt text."""

import pytest
from django.test import Client

from apps.accounts.tests.factories import UserFactory
from apps.content.admin.writing import PREVIEW_MAX_CHARACTERS
from apps.content.markdown import markdown_render
from apps.content.models import Article

pytestmark = pytest.mark.django_db

PREVIEW_URL = "/admin/content/article/markdown-preview/"


def _preview(client: Client, body: object, **extra: str):
    return client.post(PREVIEW_URL, {"body": body}, content_type="application/json", **extra)


def test_the_preview_is_the_sites_rendering_with_counts(author_client):
    body = "## Hello\n\nTwo words.\n\n![](/api/v1/images/1/)<script>alert(1)</script>"
    response = _preview(author_client, body)
    assert response.status_code == 200
    assert response.json() == {
        "html": markdown_render(source=body),
        "words": 3,
        "readingMinutes": 1,
        "imagesWithoutAlt": 1,
    }
    assert "<script" not in response.json()["html"]


def test_the_preview_needs_the_csrf_token_of_the_admin_session(author):
    client = Client(enforce_csrf_checks=True)
    client.force_login(author)
    refused = _preview(client, "text")
    assert refused.status_code == 403
    assert refused["Content-Type"] == "application/problem+json"
    client.get("/admin/")  # sets the CSRF cookie, as the admin's pages do
    token = client.cookies["csrftoken"].value
    assert _preview(client, "text", HTTP_X_CSRFTOKEN=token).status_code == 200


@pytest.mark.parametrize("who", ["anonymous", "reader", "moderator"])
def test_only_staff_who_write_articles_may_preview(who, moderator):
    client = Client()
    if who == "reader":
        client.force_login(UserFactory())
    elif who == "moderator":
        client.force_login(moderator)
    response = _preview(client, "text")
    assert response.status_code == 403
    assert response.json()["code"] in {"not_authenticated", "permission_denied"}


def test_an_oversized_body_is_413_and_a_missing_one_400(editor_client):
    too_long = _preview(editor_client, "a" * (PREVIEW_MAX_CHARACTERS + 1))
    assert too_long.status_code == 413
    assert too_long.json()["code"] == "payload_too_large"
    missing = editor_client.post(PREVIEW_URL, {}, content_type="application/json")
    assert missing.status_code == 400
    assert missing.json()["errors"][0]["field"] == "body"


def test_the_body_field_carries_the_editor_and_its_endpoints(author_client):
    page = author_client.get("/admin/content/article/add/").content.decode()
    assert "data-markdown-editor" in page
    assert f'data-editor-preview-url="{PREVIEW_URL}"' in page
    assert 'data-editor-upload-url="/admin/uploads/articleimage/upload/"' in page
    assert 'data-editor-library-url="/admin/uploads/articleimage/library/"' in page
    assert "content/markdown-editor.js" in page
    assert "content/editor-images.js" in page


# [copier] if lang_de
def test_the_editor_speaks_german_to_german_editors(author_client):
    page = author_client.get("/admin/content/article/add/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert 'data-editor-text-alt-required="Der Alternativtext ist Pflicht."' in page
    # [copier] end


def _add(client: Client, author, body: str):
    data = {"title": "With a picture", "slug": "with-a-picture", "summary": "S", "body": body, "author": author.pk}
    return client.post("/admin/content/article/add/", data)


def test_saving_a_body_image_without_alt_text_is_a_form_error(author_client, author):
    response = _add(author_client, author, "Look:\n\n![](/api/v1/images/abc/)")
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["body"]
    assert "Every image needs alt text" in errors[0]
    assert "/api/v1/images/abc/" in errors[0]
    assert not Article.objects.filter(slug="with-a-picture").exists()


def test_a_body_image_with_alt_text_saves(author_client, author):
    response = _add(author_client, author, "Look:\n\n![A red square](/api/v1/images/abc/)")
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert '<img alt="A red square"' in Article.objects.get(slug="with-a-picture").body_html
