from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.http import http_date
from freezegun import freeze_time
from rest_framework.test import APIClient

from apps.accounts.tests.factories import UserFactory, access_token_for
from apps.content import caching, services
from apps.content.models import Article, Comment, Tag
from apps.content.tests.factories import ArticleFactory, CommentFactory, TagFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/api/v1/articles/"


def _bearer(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {access_token_for(user)}")
    return client


def test_list_items_have_the_contract_shape(api_client):
    tag = TagFactory(name="Python", slug="python")
    article = ArticleFactory(tags=[tag], author=UserFactory(first_name="Ada", last_name="Lovelace"))
    services.comment_create(article=article, author=UserFactory(), body="Hello")

    response = api_client.get(LIST_URL)

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    assert set(body) == {"count", "next", "previous", "results"}
    item = body["results"][0]
    assert set(item) == {
        "slug", "title", "summary", "author", "tags", "coverImage", "commentCount", "publishedAt",
    }  # fmt: skip
    assert item["author"] == {"id": article.author.pk, "name": "Ada Lovelace"}
    assert item["tags"] == [{"slug": "python", "name": "Python"}]
    assert item["coverImage"] is None
    assert item["commentCount"] == 1


def test_list_page_size_is_bounded(api_client):
    ArticleFactory.create_batch(3)

    response = api_client.get(LIST_URL, {"pageSize": 2})
    assert len(response.json()["results"]) == 2
    assert response.json()["next"] is not None

    assert api_client.get(LIST_URL, {"pageSize": 100000}).status_code == 200


def test_the_last_page_can_be_asked_for_by_name(api_client):
    ArticleFactory.create_batch(5)

    response = api_client.get(LIST_URL, {"page": "last", "pageSize": 2})

    assert response.status_code == 200
    assert response.json()["count"] == 5
    assert len(response.json()["results"]) == 1


@pytest.mark.parametrize("page", ["3", str(10**19)])
def test_a_page_past_the_end_is_a_404_problem(api_client, page):
    ArticleFactory()

    response = api_client.get(LIST_URL, {"page": page})

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_list_rejects_a_malformed_filter_with_the_problem_shape(api_client):
    response = api_client.get(LIST_URL, {"author": "abc"})

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "validation_error"
    assert response.json()["errors"][0]["field"] == "author"


def test_list_filters_by_tag_and_searches(api_client):
    ArticleFactory(title="Celery in production", tags=[TagFactory(slug="ops")])
    ArticleFactory(title="Gardening")

    assert [a["title"] for a in api_client.get(LIST_URL, {"tag": "ops"}).json()["results"]] == ["Celery in production"]
    assert [a["title"] for a in api_client.get(LIST_URL, {"search": "celery"}).json()["results"]] == [
        "Celery in production"
    ]


def test_detail_has_the_body_html_and_update_time(api_client):
    article = ArticleFactory(body="Hello *world*")

    response = api_client.get(f"/api/v1/articles/{article.slug}/")

    assert response.status_code == 200
    assert response.json()["bodyHtml"] == "<p>Hello <em>world</em></p>"
    assert "updatedAt" in response.json()


def test_a_detail_miss_is_two_queries_with_the_tags_by_name(api_client, settings, django_assert_num_queries):
    """The article with its author and comment count, then its tags."""
    settings.CONTENT_CACHE_SECONDS = 0
    article = ArticleFactory(tags=[TagFactory(name="Beta", slug="beta"), TagFactory(name="Alpha", slug="alpha")])

    with django_assert_num_queries(2):
        response = api_client.get(f"/api/v1/articles/{article.slug}/")

    assert response.json()["tags"] == [{"slug": "alpha", "name": "Alpha"}, {"slug": "beta", "name": "Beta"}]


@pytest.mark.parametrize("kind", ["draft", "scheduled"])
def test_unpublished_articles_are_404_for_readers_but_visible_to_staff(api_client, kind):
    article = ArticleFactory(**{kind: True})
    url = f"/api/v1/articles/{article.slug}/"

    assert api_client.get(url).status_code == 404
    response = _bearer(UserFactory()).get(url)
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert _bearer(UserFactory(is_staff=True)).get(url).status_code == 200


def test_tags_are_listed_by_name(api_client):
    TagFactory(name="Zebra", slug="zebra")
    TagFactory(name="Apple", slug="apple")

    assert api_client.get("/api/v1/tags/").json() == [
        {"slug": "apple", "name": "Apple"},
        {"slug": "zebra", "name": "Zebra"},
    ]


@pytest.mark.parametrize(
    ("url", "make"),
    [
        (LIST_URL + "?pageSize=50", lambda n: ArticleFactory.create_batch(n, tags=TagFactory.create_batch(2))),
        ("/api/v1/tags/", lambda n: TagFactory.create_batch(n)),
        (
            "/api/v1/articles/the-one/comments/?pageSize=50",
            lambda n: CommentFactory.create_batch(
                n, article=Article.objects.filter(slug="the-one").first() or ArticleFactory(slug="the-one")
            ),
        ),
    ],
)
def test_list_endpoints_cost_the_same_queries_for_1_or_20_items(
    url, make, django_assert_num_queries, django_assert_max_num_queries
):
    reader = _bearer(UserFactory())  # authenticated: bypasses the response cache, so every query runs
    reader.get("/api/v1/users/me/")  # from here on the reader's user comes from the user cache
    make(1)
    with django_assert_max_num_queries(10) as one:
        assert reader.get(url).status_code == 200
    make(19)
    with django_assert_num_queries(len(one.captured_queries)):
        response = reader.get(url)
    assert len(response.json()["results"] if "results" in response.json() else response.json()) == 20


def test_anonymous_responses_are_cached_until_content_changes(api_client, django_assert_num_queries):
    article = ArticleFactory(title="First title")
    url = f"/api/v1/articles/{article.slug}/"
    first = api_client.get(url)

    with django_assert_num_queries(0):
        cached = api_client.get(url)
    assert cached.content == first.content
    assert cached["ETag"] == first["ETag"]
    assert "public" in cached["Cache-Control"]

    article.title = "Second title"
    services.article_save(article=article)
    assert api_client.get(url).json()["title"] == "Second title"


def test_a_zero_cache_lifetime_switches_the_response_cache_off(api_client, settings):
    settings.CONTENT_CACHE_SECONDS = 0
    article = ArticleFactory(title="First title")
    url = f"/api/v1/articles/{article.slug}/"
    api_client.get(url)

    with CaptureQueriesContext(connection) as queries:
        response = api_client.get(url)
    assert response.status_code == 200
    assert len(queries) > 0
    assert "ETag" not in response


def _publish_due() -> None:
    ArticleFactory(status=Article.Status.SCHEDULED, publish_at=timezone.now() - timedelta(seconds=1))
    assert services.articles_publish_due() == 1


@pytest.mark.parametrize(
    "change",
    [
        lambda article: services.comment_create(article=article, author=UserFactory(), body="First!"),
        lambda article: services.comment_moderate(comment=CommentFactory(article=article), state=Comment.State.HIDDEN),
        lambda article: services.article_tags_set(article=article, tags=[TagFactory()]),
        lambda article: services.tag_save(tag=Tag(name="New", slug="new")),
        lambda article: services.tag_delete(tag=TagFactory()),
        lambda article: _publish_due(),
        lambda article: services.article_unpublish(article=article),
        lambda article: UserFactory._meta.model.objects.get(pk=article.author.pk).save(),
        lambda article: article.author.delete(),
    ],
    ids=["comment", "moderation", "tagging", "tag", "tag-deleted", "due", "unpublish", "author", "author-deleted"],
)
def test_the_list_cache_is_invalidated_by_related_changes(api_client, change):
    article = ArticleFactory()
    api_client.get(LIST_URL)

    change(article)

    with CaptureQueriesContext(connection) as queries:
        assert api_client.get(LIST_URL).status_code == 200
    assert queries.captured_queries, "the response came from a stale cache entry"


def test_conditional_requests_get_304(api_client):
    with freeze_time(timezone.now() - timedelta(minutes=1)):
        ArticleFactory()
    response = api_client.get(LIST_URL)
    etag, last_modified = response["ETag"], response["Last-Modified"]

    assert api_client.get(LIST_URL, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert api_client.get(LIST_URL, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    old = http_date((timezone.now() - timedelta(days=1)).timestamp())
    assert api_client.get(LIST_URL, HTTP_IF_MODIFIED_SINCE=old).status_code == 200


def test_no_last_modified_until_the_second_of_the_last_change_is_over(api_client):
    """Else a change later in that second would carry the same date, and If-Modified-Since would miss it."""
    with freeze_time("2026-01-01 12:00:00.1") as clock:
        services.article_publish(article=ArticleFactory(draft=True))
        within = api_client.get(LIST_URL)
        clock.tick(0.5)
        services.article_publish(article=ArticleFactory(draft=True))  # a second change in the same second
        clock.tick(1)
        after = api_client.get(LIST_URL)

    assert "Last-Modified" not in within
    assert within["ETag"] != after["ETag"]
    assert after["Last-Modified"] == "Thu, 01 Jan 2026 12:00:00 GMT"
    assert len(after.json()["results"]) == 2


def test_authenticated_responses_are_private_and_not_cached():
    ArticleFactory()
    reader = _bearer(UserFactory())

    reader.get(LIST_URL)
    response = reader.get(LIST_URL)

    assert "private" in response["Cache-Control"]
    assert "ETag" not in response


def test_a_scheduled_article_appears_on_time_even_when_the_list_was_cached(api_client):
    ArticleFactory()
    ArticleFactory(status=Article.Status.SCHEDULED, publish_at=timezone.now() + timedelta(seconds=30))

    assert caching._timeout() <= 31


def test_a_scheduled_article_goes_live_at_its_time_with_no_task_running(api_client):
    start = timezone.now()
    with freeze_time(start):
        ArticleFactory(status=Article.Status.SCHEDULED, publish_at=start + timedelta(hours=1), slug="later")
        assert api_client.get(LIST_URL).json()["count"] == 0
        assert api_client.get("/api/v1/articles/later/").status_code == 404

    with freeze_time(start + timedelta(hours=1, seconds=1)):
        assert api_client.get(LIST_URL).json()["count"] == 1
        assert api_client.get("/api/v1/articles/later/").status_code == 200
