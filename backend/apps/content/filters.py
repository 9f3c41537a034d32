"""Query parameters of the public article list."""

import django_filters
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connections
from django.db.models import Q, QuerySet

from apps.content.models import Article

# Must stay the exact expression of the GIN index (migration 0002), or PostgreSQL cannot use it.
ARTICLE_SEARCH_VECTOR = SearchVector("title", "summary", "body", config="english")


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
            return (
                queryset.annotate(search_document=ARTICLE_SEARCH_VECTOR)
                .filter(search_document=query)
                .annotate(search_rank=SearchRank(ARTICLE_SEARCH_VECTOR, query))
                .order_by("-search_rank", "-publish_at", "-id")
            )
        # SQLite (embedded default): a plain substring match is enough for development.
        return queryset.filter(Q(title__icontains=value) | Q(summary__icontains=value) | Q(body__icontains=value))
