"""The article API's SEO fields and old addresses (301 to the current slug)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from apps.accounts.tests.factories import UserFactory, access_token_for
from apps.content import services
from apps.content.services import workflow
from apps.content.tests.factories import ArticleFactory
from apps.uploads.tests.images import image_bytes

pytestmark = pytest.mark.django_db


def _rename(article, slug):
    article.slug = slug
    return services.article_save(article=article)


def test_the_detail_has_the_meta_fields_and_the_social_image(api_client):
    article = ArticleFactory(meta_title="Short title", meta_description="What it says in a search result.")
    services.seo.article_social_image_set(
        article=article, image=SimpleUploadedFile("card.jpg", image_bytes(), content_type="image/jpeg")
    )

    body = api_client.get(f"/api/v1/articles/{article.slug}/").json()

    assert body["metaTitle"] == "Short title"
    assert body["metaDescription"] == "What it says in a search result."
    assert body["socialImageUrl"].endswith(article.social_image.name)


def test_without_them_the_fields_are_empty_and_the_list_leaves_them_out(api_client):
    article = ArticleFactory()

    body = api_client.get(f"/api/v1/articles/{article.slug}/").json()
    item = api_client.get("/api/v1/articles/").json()["results"][0]

    assert (body["metaTitle"], body["metaDescription"], body["socialImageUrl"]) == ("", "", None)
    assert "metaTitle" not in item


def test_an_old_slug_answers_301_with_the_current_slug(api_client):
    article = _rename(_rename(ArticleFactory(slug="first"), "second"), "third")

    response = api_client.get("/api/v1/articles/first/")

    assert response.status_code == 301
    assert response["Location"] == "/api/v1/articles/third/"
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert (body["code"], body["status"], body["slug"]) == ("article_moved", 301, article.slug)
    assert api_client.get("/api/v1/articles/third/").status_code == 200


def test_an_old_slug_of_an_article_readers_cannot_see_is_404(api_client, editor):
    article = _rename(ArticleFactory(slug="was-here"), "is-here")
    workflow.article_unpublish(article=article, by=editor)

    assert api_client.get("/api/v1/articles/was-here/").status_code == 404
    staff = APIClient()
    staff.credentials(HTTP_AUTHORIZATION=f"Bearer {access_token_for(UserFactory(is_staff=True))}")
    assert staff.get("/api/v1/articles/was-here/").json()["slug"] == "is-here"


def test_an_old_slug_taken_by_another_live_article_shows_that_article(api_client):
    _rename(ArticleFactory(slug="popular"), "renamed")
    ArticleFactory(slug="popular", title="The new one")

    response = api_client.get("/api/v1/articles/popular/")

    assert response.status_code == 200
    assert response.json()["title"] == "The new one"
