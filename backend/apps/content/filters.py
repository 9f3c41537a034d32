"""Query parameters of the public article list."""

from collections.abc import Callable

import django_filters
from django import forms
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connections
from django.db.models import F, Q, QuerySet
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from apps.content.models import Article

# The largest id a bigint primary key holds (DEFAULT_AUTO_FIELD is BigAutoField).
MAX_ID = 2**63 - 1


class IdField(forms.IntegerField):
    """Digits only, as the schema's integer: Django's IntegerField also takes "", " 7", "+7",
    "7.0", "7_0" and other scripts' digits, answers the empty one unfiltered and the rest as 7."""

    def clean(self, value: object) -> int | None:
        if value is not None and not (isinstance(value, str) and value.isascii() and value.isdigit()):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return super().clean(value)


class IdFilter(django_filters.NumberFilter):
    """A row id: a whole number from 1 that the id column can hold, else 400. NumberFilter reads
    a decimal and passes 1.5 or 2421017814082805301248 to the query, which SQLite cannot bind (a 500)."""

    field_class = IdField

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, min_value=1, max_value=MAX_ID, **kwargs)


class ArticleFilter(django_filters.FilterSet):
    tag = django_filters.CharFilter(field_name="tags__slug", help_text="Tag slug")
    author = IdFilter(field_name="author_id", help_text="Author user id")
    search = django_filters.CharFilter(method="filter_search", max_length=200, help_text="Full-text search")
    # Declared last: an explicit ordering wins over the relevance order a search sets.
    ordering = django_filters.OrderingFilter(fields=(("publish_at", "publishedAt"),))

    class Meta:
        model = Article
        fields = ("tag", "author", "search")

    def is_valid(self) -> bool:
        # An empty ``ordering=`` is not one of the orderings the schema lists; the form field,
        # being optional, would take it as absent.
        if "ordering" in self.data and not self.data["ordering"] and not self.form.errors.get("ordering"):
            self.form.add_error("ordering", forms.ValidationError(_("Choose an ordering."), code="invalid_choice"))
        # OrderingFilter takes a comma-separated list; the schema offers one ordering, and a list
        # would let "publishedAt,publishedAt,..." spell one answer in endless ways (cache keys).
        elif "," in self.data.get("ordering", "") and not self.form.errors.get("ordering"):
            self.form.add_error("ordering", forms.ValidationError(_("Choose one ordering."), code="invalid_choice"))
        return super().is_valid()

    def filter_search(self, queryset: QuerySet[Article], name: str, value: str) -> QuerySet[Article]:
        value = value.strip()
        if not value:
            return queryset
        if connections[queryset.db].vendor == "postgresql":
            query = SearchQuery(value, search_type="websearch", config="english")
            # The stored document (GIN-indexed) is matched and ranked in place: no text is parsed per row.
            return (
                queryset.filter(search_vector=query)
                .annotate(search_rank=SearchRank(F("search_vector"), query))
                .order_by("-search_rank", "-publish_at", "-id")
            )
        # SQLite (embedded default): a plain substring match is enough for development.
        return queryset.filter(Q(title__icontains=value) | Q(summary__icontains=value) | Q(body__icontains=value))


def _filter_read(name: str) -> Callable[[str], object]:
    """Reads a value as the FilterSet's form does, widget then field (``author=007`` is 7,
    ``tag= a`` is "a", an ordering is split at its commas)."""
    field = ArticleFilter.base_filters[name].field

    def read(value: str) -> object:
        try:
            return field.clean(field.widget.value_from_datadict(QueryDict.fromkeys([name], value), {}, name))
        except forms.ValidationError:
            return value  # refused with 400 by the view, so never stored

    return read


# The article list's filter parameters, each read as the list reads it (caching.query_key).
ARTICLE_FILTER_PARAMS = {name: _filter_read(name) for name in ArticleFilter.base_filters}
