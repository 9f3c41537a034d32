"""Reads for content. Each list costs a fixed number of queries, whatever the page size."""

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connections, router
from django.db.models import DateTimeField, JSONField, QuerySet
from django.db.models.expressions import RawSQL
from django.http import Http404
from django.utils import timezone

from apps.accounts.models import User
from apps.common.queries import CompiledPages, PageSource, QuerySetPages, Slot
from apps.content.filters import ArticleFilter
from apps.content.models import Article, Comment, Tag

# What a list item needs, read as plain rows: the list is the hottest uncached read, and model
# instances plus nested serializers cost several times the queries themselves.
ARTICLE_LIST_COLUMNS = (
    "id",
    "slug",
    "title",
    "summary",
    "cover_image",
    "cover_thumbnail",
    "publish_at",
    "author_id",
    "author__first_name",
    "author__last_name",
    "comment_count",
)

# Each article's tags as a JSON array of {slug, name} by name, inside the list query itself
# rather than a second query per page. Raw SQL because the ORM has no JSON array aggregate for
# SQLite (and building a correlated ORM subquery costs more than the query it saves).
_TAGS_JSON = {
    "postgresql": """
        SELECT COALESCE(jsonb_agg(jsonb_build_object('slug', tag.slug, 'name', tag.name) ORDER BY tag.name), '[]')
        FROM content_tag tag JOIN content_article_tags link ON link.tag_id = tag.id
        WHERE link.article_id = content_article.id""",
    "sqlite": """
        SELECT json_group_array(json_object('slug', slug, 'name', name)) FROM (
            SELECT tag.slug, tag.name
            FROM content_tag tag JOIN content_article_tags link ON link.tag_id = tag.id
            WHERE link.article_id = content_article.id ORDER BY tag.name
        )""",
}


def _article_list_queryset(queryset: QuerySet[Article], alias: str) -> QuerySet[Article, dict[str, Any]]:
    # A constant statement with no parameters: nothing from the request reaches this SQL.
    tags = RawSQL(_TAGS_JSON[connections[alias].vendor], (), output_field=JSONField())  # noqa: S611
    return queryset.values(*ARTICLE_LIST_COLUMNS, tag_list=tags)


# The unfiltered list, the busiest uncached read, compiled once per process (common/queries.py).
_LIVE_ARTICLE_PAGES = CompiledPages(
    lambda alias: _article_list_queryset(Article.objects.using(alias).live(now=Slot("now", DateTimeField())), alias),
    slots=("now",),
)


def article_list(*, filters: Mapping[str, Any] | None = None) -> QuerySet[Article, dict[str, Any]]:
    """Live articles as rows of ``ARTICLE_LIST_COLUMNS`` plus ``tag_list`` ({slug, name} each),
    newest first, narrowed by ``tag``, ``author``, ``search`` and ``ordering``."""
    queryset = Article.objects.live()
    if filters and any(name in filters for name in ArticleFilter.base_filters):
        filterset = ArticleFilter(data=filters, queryset=queryset)
        if not filterset.is_valid():
            raise ValidationError(filterset.errors.as_data())
        queryset = filterset.qs
    return _article_list_queryset(queryset, queryset.db)


def article_list_pages(*, filters: Mapping[str, Any] | None = None) -> PageSource:
    """``article_list`` by the page. Building a FilterSet, and compiling a queryset, cost more
    than the query itself, so the common unfiltered list runs SQL compiled once."""
    if filters and any(name in filters for name in ArticleFilter.base_filters):
        return QuerySetPages(article_list(filters=filters))
    return _LIVE_ARTICLE_PAGES.bind(now=timezone.now(), using=router.db_for_read(Article))


def article_get_for_reader(*, slug: str, user: User | Any) -> Article:
    """A live article; staff may also read drafts and scheduled ones (previews). 404 otherwise."""
    queryset = Article.objects.all() if user.is_staff else Article.objects.live()
    article = queryset.filter(slug=slug).select_related("author").prefetch_related("tags").first()
    if article is None:
        raise Http404("No article with this slug.")
    return article


def article_get_live(*, slug: str) -> Article:
    article = Article.objects.live().filter(slug=slug).only("id", "slug").first()
    if article is None:
        raise Http404("No article with this slug.")
    return article


def article_next_publish_at() -> datetime | None:
    """When the next scheduled article goes live, if one is waiting."""
    return (
        Article.objects.filter(status=Article.Status.SCHEDULED, publish_at__gt=timezone.now())
        .order_by("publish_at")
        .values_list("publish_at", flat=True)
        .first()
    )


def tag_list() -> QuerySet[Tag]:
    return Tag.objects.order_by("name")


def comment_list(*, article: Article) -> QuerySet[Comment]:
    return (
        Comment.objects.filter(article=article, state=Comment.State.VISIBLE)
        .select_related("author")
        .order_by("created_at", "id")
    )


def comment_get_visible(*, comment_id: int) -> Comment:
    """A visible comment on a live article; hidden ones do not exist for readers."""
    comment = (
        Comment.objects.filter(
            pk=comment_id, state=Comment.State.VISIBLE, article__in=Article.objects.live().values("pk")
        )
        .select_related("author")
        .first()
    )
    if comment is None:
        raise Http404("No comment with this id.")
    return comment
