from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework import exceptions, pagination
from rest_framework.request import Request


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
        digits = value.lstrip("0")
        if not (value.isascii() and value.isdigit()) or not digits:
            raise exceptions.ValidationError(
                {self.page_size_query_param: [_("Enter a whole number from 1.")]}, code="invalid"
            )
        # Past nine digits it is above any maximum; int() of thousands of digits would refuse.
        return self.max_page_size if len(digits) > 9 else min(int(digits), self.max_page_size)
