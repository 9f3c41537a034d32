from typing import Any, cast

from django.conf import settings
from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db.models import Count, QuerySet, Window
from rest_framework import pagination


class PageNumberPagination(pagination.PageNumberPagination):
    """``?page=N&pageSize=M``; the size is bounded so a client cannot ask for the whole table.

    Query parameters are not camelised by the parser, so the name is written as sent.
    """

    page_size_query_param = "pageSize"
    max_page_size = settings.MAX_PAGE_SIZE


class WindowCountPaginator(Paginator):
    """Pages a ``values()`` queryset with one query: the total comes from ``COUNT(*) OVER ()``
    on the page's own rows instead of a separate ``COUNT`` query."""

    _TOTAL = "_window_total"
    # PostgreSQL's OFFSET and LIMIT are bigints: a page past this is an error there, not an empty page.
    _MAX_ROW = 2**63 - 1

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
        queryset = cast(QuerySet[Any, dict[str, Any]], self.object_list)
        rows = list(queryset.annotate(**{self._TOTAL: Window(Count("*"))})[bottom : bottom + self.per_page])
        if not rows and number > 1:
            raise EmptyPage(self.error_messages["no_results"])
        self.count = rows[0][self._TOTAL] if rows else 0  # replaces the cached_property's query
        for row in rows:
            del row[self._TOTAL]
        return Page(rows, number, self)


class WindowCountPageNumberPagination(PageNumberPagination):
    """For the busiest lists: the same parameters and response, one query fewer per page."""

    django_paginator_class = WindowCountPaginator
