"""The article list and detail JSON, byte for byte as the API contract (openapi.yaml) gives it."""

from datetime import timedelta

import pytest
from django.utils import timezone

from apps.accounts.tests.factories import UserFactory
from apps.content import services
from apps.content.models import Article, Comment
from apps.content.tests.factories import ArticleFactory, TagFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles() -> list[Article]:
    python, django = TagFactory(name="Python", slug="python"), TagFactory(name="Django", slug="django")
    now = timezone.now().replace(microsecond=0) - timedelta(minutes=1)
    rich = ArticleFactory(
        slug="rich",
        title="Rich",
        summary="All fields",
        body="# Title\n\nSome *text*.",
        tags=[python, django],
        author=UserFactory(first_name="Ada", last_name="Lovelace"),
        cover_image="covers/a.webp",
        cover_thumbnail="covers/thumbnails/a.webp",
        publish_at=now.replace(microsecond=123456),
    )
    for body in ("One", "Two", "Spam"):
        comment = services.comment_create(article=rich, author=UserFactory(), body=body)
    services.comment_moderate(comment=comment, state=Comment.State.HIDDEN)
    nameless = ArticleFactory(
        slug="nameless", title="Nameless", summary="", author=UserFactory(first_name="", last_name=""),
        cover_image="covers/b.webp", publish_at=now.replace(year=now.year - 1),
    )  # fmt: skip
    orphan = ArticleFactory(slug="orphan", title="Orphan", summary="", tags=[python], publish_at=now.replace(year=2000))
    orphan.author.delete()
    return [rich, nameless, orphan]


def _published(article: Article) -> str:
    return article.publish_at.isoformat().replace("+00:00", "Z")


def test_list_items_are_exactly_the_contract(api_client, articles):
    rich, nameless, orphan = articles

    response = api_client.get("/api/v1/articles/")

    assert response.json() == {
        "count": 3,
        "next": None,
        "previous": None,
        "results": [
            {
                "slug": "rich",
                "title": "Rich",
                "summary": "All fields",
                "author": {"id": rich.author_id, "name": "Ada Lovelace"},
                "tags": [{"slug": "django", "name": "Django"}, {"slug": "python", "name": "Python"}],
                "coverImage": {"url": "/media/covers/a.webp", "thumbnailUrl": "/media/covers/thumbnails/a.webp"},
                "commentCount": 2,
                "publishedAt": _published(rich),
            },
            {
                "slug": "nameless",
                "title": "Nameless",
                "summary": "",
                "author": {"id": nameless.author_id, "name": f"User {nameless.author_id}"},
                "tags": [],
                "coverImage": {"url": "/media/covers/b.webp", "thumbnailUrl": None},
                "commentCount": 0,
                "publishedAt": _published(nameless),
            },
            {
                "slug": "orphan",
                "title": "Orphan",
                "summary": "",
                "author": None,
                "tags": [{"slug": "python", "name": "Python"}],
                "coverImage": None,
                "commentCount": 0,
                "publishedAt": _published(orphan),
            },
        ],
    }
    assert _published(rich).endswith(".123456Z")


def test_the_detail_is_a_list_item_with_the_body_reading_time_update_time_and_seo_fields(api_client, articles):
    rich = articles[0]
    item = api_client.get("/api/v1/articles/").json()["results"][0]

    response = api_client.get("/api/v1/articles/rich/")

    rich.refresh_from_db()
    assert response.json() == {
        **item,
        "bodyHtml": "<h1>Title</h1>\n<p>Some <em>text</em>.</p>",
        "readingMinutes": 1,
        "updatedAt": rich.updated_at.isoformat().replace("+00:00", "Z"),
        "metaTitle": "",
        "metaDescription": "",
        "socialImageUrl": None,
    }
    assert list(response.json()) == [
        *item,
        *("bodyHtml", "readingMinutes", "updatedAt", "metaTitle", "metaDescription", "socialImageUrl"),
    ]


def test_times_are_given_in_the_active_time_zone(api_client, articles, settings):
    settings.TIME_ZONE = "Asia/Kolkata"

    response = api_client.get("/api/v1/articles/rich/")

    assert response.json()["publishedAt"].endswith("+05:30")
