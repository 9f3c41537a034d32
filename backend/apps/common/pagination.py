from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework import exceptions, pagination
from rest_framework.request import Request


def page_number_read(value: str) -> object:
    """A page number as Django's Paginator reads it (``int()``: ``007`` is 7), or as sent."""
    try:
        return int(value)
    except ValueError:
        return value


def page_size_read(value: str) -> int | None:
    """The size a ``pageSize`` value asks for, cut to the maximum; None if it is not a whole number from 1."""
    digits = value.lstrip("0")
    if not (value.isascii() and value.isdigit()) or not digits:
        return None
    # Past nine digits it is above any maximum; int() of thousands of digits would refuse.
    return settings.MAX_PAGE_SIZE if len(digits) > 9 else min(int(digits), settings.MAX_PAGE_SIZE)


class PageNumberPagination(pagination.PageNumberPagination):
    """``?page=N&pageSize=M``; the size is bounded so a client cannot ask for the whole table.

    Query parameters are not camelised by the parser, so the name is written as sent.
    """

    page_size_query_param = "pageSize"
    max_page_size = settings.MAX_PAGE_SIZE

    def get_page_size(self, request: Request) -> int | None:
        """A size that is not a whole number from 1 is refused, not replaced by the default
        as DRF does: the client would get pages of a size it did not ask for. Above the
        maximum it is cut to the maximum, as documented."""
        value = request.query_params.get(self.page_size_query_param)
        if value is None:
            return self.page_size
        size = page_size_read(value)
        if size is None:
            raise exceptions.ValidationError(
                {self.page_size_query_param: [_("Enter a whole number from 1.")]}, code="invalid"
            )
        return size


# The query parameters of every paged list, each read as the paginator reads it (caching.query_key).
PAGE_QUERY_PARAMS = {
    PageNumberPagination.page_query_param: page_number_read,
    PageNumberPagination.page_size_query_param: page_size_read,
}
