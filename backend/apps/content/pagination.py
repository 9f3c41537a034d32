"""The article list's pagination: DRF's page numbers and answer, read in a way that scales."""

from collections.abc import Sequence
from functools import cached_property, partial
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from rest_framework.request import Request
from rest_framework.views import APIView

from apps.common.pagination import PageNumberPagination
from apps.content.caching import content_cached, query_key
from apps.content.filters import ARTICLE_FILTER_PARAMS, ArticleFilter

# From how many skipped rows a page reads its ids first: below, the plain OFFSET costs less
# than building and planning the subquery (~2 ms of Python on page 1).
ID_SUBQUERY_FROM_OFFSET = 1_000
COUNT_QUERY_PARAMS = {name: read for name, read in ARTICLE_FILTER_PARAMS.items() if name in ArticleFilter.Meta.fields}


class ArticlePaginator(Paginator):
    """Django's Paginator with two changes for 100,000 articles (docs/benchmarks.md "At scale"):

    - the total is read through ``content_cached`` under ``count_key``: counting every live
      article was most of an uncached page (~10-20 ms);
    - a deep page is read in two steps in one query: the page's ids (from the list index
      alone), then those rows. ``OFFSET`` then skips index entries instead of rows and their
      joins: page 2,500 took ~40 ms in PostgreSQL, ~5 ms this way.
    """

    def __init__(self, queryset: QuerySet[Any], *args: Any, count_key: str, **kwargs: Any) -> None:
        super().__init__(queryset, *args, **kwargs)
        self.queryset = queryset
        self.count_key = count_key

    @cached_property
    def count(self) -> int:
        return content_cached(self.count_key, self.queryset.count)

    def page(self, number: int | str) -> Page:
        page = super().page(number)
        if (page.number - 1) * self.per_page >= ID_SUBQUERY_FROM_OFFSET:
            # The slice Django took (same order, OFFSET and LIMIT) becomes the subquery of ids.
            page.object_list = self.queryset.filter(pk__in=page.object_list.values("pk"))  # type: ignore[attr-defined]
        return page


class ArticleListPagination(PageNumberPagination):
    """Same parameters and answer as every list; the total of each filter is counted once per
    content version and stays exact (caching.content_cached)."""

    def paginate_queryset(
        self, queryset: QuerySet[Any, Any] | Sequence[Any], request: Request, view: APIView | None = None
    ) -> list[Any] | None:
        # One total per filter: only the parameters that narrow the list count, each in the form
        # the filter reads it, so the page, its size, the ordering or a respelling never makes a new entry.
        count_key = "content:article-count:" + query_key(request.query_params, COUNT_QUERY_PARAMS)
        # DRF only calls it: django_paginator_class(queryset, page_size); the partial adds the key.
        self.django_paginator_class = partial(ArticlePaginator, count_key=count_key)  # type: ignore[assignment]
        return super().paginate_queryset(queryset, request, view)
