"""The article list's pagination at scale: the cached total stays exact; pages read by id keep
the list's order (apps/content/pagination.py)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from freezegun import freeze_time

from apps.content import pagination, services
from apps.content.models import Article
from apps.content.tests.factories import ArticleFactory, TagFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/api/v1/articles/"


@pytest.fixture(autouse=True)
def _response_cache_off(settings):
    """Every request runs the view, as a cache miss does: what is left cached is the total."""
    settings.CONTENT_CACHE_SECONDS = 0


def _counts(queries: CaptureQueriesContext) -> list[str]:
    return [query["sql"] for query in queries.captured_queries if "COUNT(" in query["sql"].upper()]


def test_the_total_is_counted_once_until_content_changes(api_client):
    ArticleFactory.create_batch(3)
    with CaptureQueriesContext(connection) as first:
        assert api_client.get(LIST_URL, {"pageSize": 2}).json()["count"] == 3
    with CaptureQueriesContext(connection) as second:
        # Another page or size of the same filter reads the same total.
        assert api_client.get(LIST_URL, {"pageSize": 1, "page": 3}).json()["count"] == 3

    assert len(_counts(first)) == 1
    assert _counts(second) == []
    assert len(second.captured_queries) == len(first.captured_queries) - 2  # no count, no next publish time


def test_each_filter_has_its_own_total(api_client):
    ArticleFactory(tags=[TagFactory(slug="ops")])
    ArticleFactory()

    assert api_client.get(LIST_URL).json()["count"] == 2
    assert api_client.get(LIST_URL, {"tag": "ops"}).json()["count"] == 1
    assert api_client.get(LIST_URL, {"tag": "none"}).json()["count"] == 0


def test_parameters_that_do_not_narrow_the_list_share_its_total(api_client):
    ArticleFactory.create_batch(2)
    api_client.get(LIST_URL)
    with CaptureQueriesContext(connection) as queries:
        for params in ({"ordering": "publishedAt"}, {"pageSize": 1}, {"page": "01", "pageSize": "001"}):
            assert api_client.get(LIST_URL, params).json()["count"] == 2

    assert _counts(queries) == []


@pytest.mark.parametrize(
    "change",
    [
        lambda article: ArticleFactory(),
        lambda article: services.article_unpublish(article=article),
        lambda article: services.article_delete(article=article),
    ],
    ids=["created", "unpublished", "deleted"],
)
def test_a_change_shows_the_new_total_at_once(api_client, change):
    article = ArticleFactory()
    before = api_client.get(LIST_URL).json()["count"]

    change(article)

    assert api_client.get(LIST_URL).json()["count"] == Article.objects.live().count() != before


def test_a_scheduled_article_is_counted_from_its_publish_time_with_no_task_running(api_client):
    start = timezone.now()
    with freeze_time(start):
        ArticleFactory()
        ArticleFactory(status=Article.Status.SCHEDULED, publish_at=start + timedelta(minutes=5))
        assert api_client.get(LIST_URL).json()["count"] == 1
    with freeze_time(start + timedelta(minutes=4)):
        assert api_client.get(LIST_URL).json()["count"] == 1

    with freeze_time(start + timedelta(minutes=5, seconds=1)):
        response = api_client.get(LIST_URL).json()

    assert response["count"] == 2
    assert len(response["results"]) == 2


@pytest.mark.parametrize("filters", [{}, {"ordering": "publishedAt"}, {"search": "number"}, {"tag": "ops"}])
@pytest.mark.parametrize("id_subquery_from_offset", [0, 3, 10**6], ids=["all-by-id", "deep-by-id", "none-by-id"])
def test_pages_read_by_id_keep_the_order_of_the_whole_list(api_client, monkeypatch, filters, id_subquery_from_offset):
    monkeypatch.setattr(pagination, "ID_SUBQUERY_FROM_OFFSET", id_subquery_from_offset)
    tag = TagFactory(slug="ops")
    for _ in range(7):
        ArticleFactory(tags=[tag])
    whole = [item["slug"] for item in api_client.get(LIST_URL, {**filters, "pageSize": 100}).json()["results"]]

    paged = [
        item["slug"]
        for page in (1, 2, 3, 4)
        for item in api_client.get(LIST_URL, {**filters, "pageSize": 2, "page": page}).json()["results"]
    ]

    assert len(whole) == 7
    assert paged == whole
