"""The response cache's key space is bounded: only an endpoint's documented query parameters, each in
the form the view reads it, make its key; any other parameter is refused (issue 19, finding 2)."""

import pytest
from django.conf import settings
from django.core.cache import caches
from django_redis import get_redis_connection
from drf_spectacular.generators import SchemaGenerator
from rest_framework.test import APIClient

from apps.accounts.tests.factories import UserFactory
from apps.content.apis import ArticleCommentsApi, ArticleDetailApi, ArticleListApi, TagListApi
from apps.content.tests.factories import ArticleFactory, CommentFactory, TagFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/api/v1/articles/"


def _content_entries() -> int:
    """Entries of the response cache and the list totals, counted in the store itself."""
    if settings.REDIS_URL:  # every key of this Redis database, whatever its version
        keys = [key.decode() for key in get_redis_connection("content").scan_iter("*content:*")]
    else:  # local memory
        keys = list(caches["content"]._cache)  # type: ignore[attr-defined]
    return sum(1 for key in keys if "content:response:" in key or "content:article-count:" in key)


@pytest.fixture
def article():
    article = ArticleFactory(tags=[TagFactory(slug="ops")])
    CommentFactory(article=article)
    return article


def test_a_thousand_junk_query_strings_leave_the_cache_bounded(api_client, article):
    api_client.get(LIST_URL)
    api_client.get(f"{LIST_URL}{article.slug}/comments/")
    before = _content_entries()
    assert before > 0, "the cache is on and stores entries"

    statuses = set()
    for n in range(1, 1001):
        junk = [
            f"?junk={n}",  # unknown names: refused
            f"?utm_source=mail&campaign={n}",
            f"?page={'0' * n}1",  # respellings of documented values: one key each
            f"?pageSize={100 + n}",
            f"?ordering=-publishedAt&page=1&pageSize=0{n % 9 + 1}",
            f"?tag=ops&tag=x{n}&tag=ops",  # only the last value is read
        ][n % 6]
        url = f"{LIST_URL}{article.slug}/comments/{junk}" if n % 2 else f"{LIST_URL}{junk}"
        # From as many addresses, as a flood would come: the anonymous rate limit does not stop it.
        statuses.add(api_client.get(url, REMOTE_ADDR=f"10.0.{n // 256}.{n % 256}").status_code)

    assert statuses == {200, 400}
    # The distinct answers among the 1,000: three page sizes and the filters, per endpoint.
    assert _content_entries() - before <= 20


@pytest.mark.parametrize(
    "url", [LIST_URL, "/api/v1/tags/", "/api/v1/articles/{slug}/", "/api/v1/articles/{slug}/comments/"]
)
@pytest.mark.parametrize("signed_in", [False, True], ids=["anonymous", "bearer"])
def test_an_unknown_parameter_is_refused_and_never_cached(url, signed_in, article):
    client = APIClient()
    if signed_in:
        client.force_authenticate(UserFactory())
    url = url.format(slug=article.slug)

    response = client.get(url, {"junk": "1"})

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "validation_error"
    assert [(error["field"], error["code"]) for error in response.json()["errors"]] == [("junk", "unknown_parameter")]
    assert _content_entries() == 0


def test_respellings_of_one_query_share_one_entry(api_client, article):
    first = api_client.get(LIST_URL, {"tag": "ops", "pageSize": "5"})

    for query in (
        "?pageSize=005&tag=ops",
        "?tag=%20ops%20&pageSize=5",
        "?tag=x&pageSize=5&tag=ops",
        "?pageSize=5&tag=ops&page=1",
    ):
        assert api_client.get(LIST_URL + query).json()["results"] == first.json()["results"]

    # The list's answer and its total; ``page=1`` is its own key (bounded: one more).
    assert _content_entries() == 3


def test_a_list_of_orderings_is_refused(api_client, article):
    response = api_client.get(LIST_URL, {"ordering": "publishedAt,publishedAt"})

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "ordering"


@pytest.mark.parametrize(
    ("view", "path", "method"),
    [
        (ArticleListApi, "/api/v1/articles/", "get"),
        (ArticleDetailApi, "/api/v1/articles/{slug}/", "get"),
        (TagListApi, "/api/v1/tags/", "get"),
        (ArticleCommentsApi, "/api/v1/articles/{slug}/comments/", "get"),
    ],
)
def test_the_cached_endpoints_accept_exactly_the_parameters_the_schema_documents(view, path, method):
    schema = SchemaGenerator().get_schema(request=None, public=True)
    documented = {
        parameter["name"]
        for parameter in schema["paths"][path][method].get("parameters", [])
        if parameter["in"] == "query"
    }

    assert set(view.query_params) == documented


@pytest.mark.parametrize("author", ["", " 7", "+7", "7.0", "7_0", "\u0667"])
def test_an_author_id_is_digits_only_as_the_schema_says(api_client, author):
    """Django's IntegerField reads all of these (the empty one as no filter); the schema says integer."""
    response = api_client.get(LIST_URL, {"author": author})

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "author"
