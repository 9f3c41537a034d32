from django.conf import settings
from rest_framework import pagination


class PageNumberPagination(pagination.PageNumberPagination):
    """``?page=N&pageSize=M``; the size is bounded so a client cannot ask for the whole table.

    Query parameters are not camelised by the parser, so the name is written as sent.
    """

    page_size_query_param = "pageSize"
    max_page_size = settings.MAX_PAGE_SIZE
