"""Query parameters of the public article list."""

import django_filters
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connections
from django.db.models import F, Q, QuerySet

from apps.content.models import Article


class ArticleFilter(django_filters.FilterSet):
    tag = django_filters.CharFilter(field_name="tags__slug", help_text="Tag slug")
    author = django_filters.NumberFilter(field_name="author_id", help_text="Author user id")
    search = django_filters.CharFilter(method="filter_search", max_length=200, help_text="Full-text search")
    # Declared last: an explicit ordering wins over the relevance order a search sets.
    ordering = django_filters.OrderingFilter(fields=(("publish_at", "publishedAt"),))

    class Meta:
        model = Article
        fields = ("tag", "author", "search")

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
