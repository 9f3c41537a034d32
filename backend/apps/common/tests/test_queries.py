from datetime import timedelta

import pytest
from django.db.models import DateTimeField, F, JSONField
from django.db.models.expressions import RawSQL
from django.utils import timezone

from apps.common.queries import CompiledPages, QuerySetPages, Slot
from apps.content.models import Article
from apps.content.tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

COLUMNS = ("id", "slug", "publish_at", "author__first_name")


def _rows(now):
    """What the ORM gives for the same query, the reference for the compiled one."""
    return Article.objects.live(now=now).values(*COLUMNS, doubled=F("comment_count") * 2, raw=_json())


def _json():
    # A JSON value decoded by the field's converter, the way the article list reads its tags.
    return RawSQL('SELECT \'[1, {"a": "b"}]\'', (), output_field=JSONField())


def _compiled(calls: list[str] | None = None) -> CompiledPages:
    def build(alias: str):
        if calls is not None:
            calls.append(alias)
        return _rows(Slot("now", DateTimeField()))

    return CompiledPages(build, slots=("now",))


@pytest.fixture
def articles():
    ArticleFactory.create_batch(5)
    ArticleFactory(scheduled=True)


@pytest.mark.usefixtures("articles")
@pytest.mark.parametrize(("offset", "limit"), [(0, 2), (2, 2), (4, 2), (0, 100), (6, 2)])
def test_compiled_pages_equal_the_orm_pages(offset, limit):
    now = timezone.now()

    compiled = _compiled().bind(now=now).page(offset, limit)
    reference = QuerySetPages(_rows(now)).page(offset, limit)

    assert compiled == reference
    rows, total = compiled
    assert total == (5 if rows else 0)
    assert all(row["raw"] == [1, {"a": "b"}] for row in rows)
    assert all(row["publish_at"].tzinfo is not None for row in rows)


@pytest.mark.usefixtures("articles")
def test_each_run_uses_its_own_values():
    pages = _compiled()

    assert pages.bind(now=timezone.now()).page(0, 10)[1] == 5
    assert pages.bind(now=timezone.now() + timedelta(days=2)).page(0, 10)[1] == 6
    assert pages.bind(now=timezone.now() - timedelta(days=365)).page(0, 10) == ([], 0)


@pytest.mark.usefixtures("articles")
def test_the_queryset_is_built_once_and_each_page_is_one_query(django_assert_num_queries):
    calls: list[str] = []
    pages = _compiled(calls)
    pages.bind(now=timezone.now()).page(0, 2)

    with django_assert_num_queries(1):
        rows, total = pages.bind(now=timezone.now()).page(2, 2)

    assert calls == ["default"]
    assert (len(rows), total) == (2, 5)


def test_values_must_match_the_declared_slots():
    with pytest.raises(TypeError):
        _compiled().bind(when=timezone.now())
    with pytest.raises(TypeError):
        _compiled().bind()


def test_a_query_without_its_declared_slot_is_refused():
    pages = CompiledPages(lambda alias: _rows(timezone.now()), slots=("now",))

    with pytest.raises(ValueError, match="slots"):
        pages.bind(now=timezone.now()).page(0, 1)


def test_a_sliced_query_is_refused():
    pages = CompiledPages(lambda alias: _rows(Slot("now", DateTimeField()))[:5], slots=("now",))

    with pytest.raises(ValueError, match="unsliced"):
        pages.bind(now=timezone.now()).page(0, 1)
