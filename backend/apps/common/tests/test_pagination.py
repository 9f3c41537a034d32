import pytest
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from apps.common.pagination import PageNumberPagination
from apps.content.models import Tag
from apps.content.tests.factories import TagFactory

pytestmark = pytest.mark.django_db


def _page(**params: object) -> tuple[PageNumberPagination, list[Tag]]:
    paginator = PageNumberPagination()
    request = Request(APIRequestFactory().get("/", params))
    return paginator, list(paginator.paginate_queryset(Tag.objects.order_by("name"), request) or [])


def test_page_and_page_size_come_from_the_query(settings):
    for name in "abcde":
        TagFactory(name=name, slug=name)

    paginator, page = _page(page=2, pageSize=2)

    assert [tag.name for tag in page] == ["c", "d"]
    assert paginator.get_paginated_response([]).data["count"] == 5


def test_the_page_size_is_bounded(settings):
    TagFactory.create_batch(3)

    paginator, _ = _page(pageSize=10**6)

    assert paginator.get_page_size(paginator.request) == settings.MAX_PAGE_SIZE


@pytest.mark.parametrize("number", ["3", "x", "0", str(10**19)])
def test_a_page_that_does_not_exist_is_not_found(number):
    TagFactory.create_batch(3)

    with pytest.raises(NotFound):
        _page(page=number, pageSize=2)
