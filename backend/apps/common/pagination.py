from typing import Any, cast

from django.conf import settings
from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.utils.functional import cached_property
from rest_framework import pagination

from apps.common.queries import PageSource


class PageNumberPagination(pagination.PageNumberPagination):
    """``?page=N&pageSize=M``; the size is bounded so a client cannot ask for the whole table.

    Query parameters are not camelised by the parser, so the name is written as sent.
    """

    page_size_query_param = "pageSize"
    max_page_size = settings.MAX_PAGE_SIZE


class SingleQueryPaginator(Paginator):
    """Pages a ``PageSource`` (queries.py): each page and the total come from one query
    instead of a ``COUNT`` query and a page query."""

    # PostgreSQL's OFFSET and LIMIT are bigints: a page past this is an error there, not an empty page.
    _MAX_ROW = 2**63 - 1

    def __init__(self, object_list: PageSource, per_page: int) -> None:
        super().__init__(cast(Any, object_list), per_page)
        self.source = object_list

    @cached_property
    def count(self) -> int:
        """Asked only before a page is read (``?page=last``); reading a page sets it."""
        return self.source.page(0, 1)[1]

    def page(self, number: Any) -> Page:
        try:
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger(self.error_messages["invalid_page"]) from None
        if number < 1:
            raise EmptyPage(self.error_messages["min_page"])
        bottom = (number - 1) * self.per_page
        if bottom + self.per_page > self._MAX_ROW:
            raise EmptyPage(self.error_messages["no_results"])
        rows, total = self.source.page(bottom, self.per_page)
        if not rows and number > 1:
            raise EmptyPage(self.error_messages["no_results"])
        self.count = total
        return Page(rows, number, self)


class SingleQueryPageNumberPagination(PageNumberPagination):
    """For the busiest lists: the same parameters and response, one query fewer per page."""

    django_paginator_class = SingleQueryPaginator
