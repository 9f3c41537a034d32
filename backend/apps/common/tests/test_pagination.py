import pytest
from django.core.paginator import EmptyPage, PageNotAnInteger

from apps.common.pagination import SingleQueryPaginator
from apps.common.queries import QuerySetPages
from apps.content.models import Tag
from apps.content.tests.factories import TagFactory

pytestmark = pytest.mark.django_db


def _paginator(per_page: int) -> SingleQueryPaginator:
    return SingleQueryPaginator(QuerySetPages(Tag.objects.order_by("name").values("name")), per_page)


def test_a_page_and_the_total_come_from_one_query(django_assert_num_queries):
    for name in "abcde":
        TagFactory(name=name, slug=name)

    with django_assert_num_queries(1):
        paginator = _paginator(2)
        page = paginator.page(2)
        assert paginator.count == 5
        assert paginator.num_pages == 3
        assert list(page) == [{"name": "c"}, {"name": "d"}]
        assert page.has_next()
        assert page.has_previous()


def test_the_total_alone_is_one_query(django_assert_num_queries):
    """``?page=last`` asks for the number of pages before any page is read."""
    TagFactory.create_batch(3)

    with django_assert_num_queries(1):
        assert _paginator(2).num_pages == 2


def test_an_empty_list_has_an_empty_first_page_and_no_second():
    paginator = _paginator(2)

    assert list(paginator.page(1)) == []
    assert paginator.count == 0
    with pytest.raises(EmptyPage):
        _paginator(2).page(2)


@pytest.mark.parametrize("number", ["x", None, "1.5"])
def test_a_page_number_must_be_an_integer(number):
    with pytest.raises(PageNotAnInteger):
        _paginator(2).page(number)


@pytest.mark.parametrize("number", [0, -1])
def test_a_page_number_starts_at_one(number):
    with pytest.raises(EmptyPage):
        _paginator(2).page(number)


def test_a_page_past_the_end_is_an_empty_page_error():
    TagFactory.create_batch(3)

    with pytest.raises(EmptyPage):
        _paginator(2).page(3)


@pytest.mark.parametrize("number", [2**62, 10**19, 10**100])
def test_a_page_beyond_any_database_offset_is_an_empty_page_error(number):
    TagFactory()

    with pytest.raises(EmptyPage):
        _paginator(2).page(number)
