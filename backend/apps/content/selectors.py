"""Reads for content. Each list costs a fixed number of queries, whatever the page size."""

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import router
from django.db.models import DateTimeField, QuerySet
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
    "tag_list",  # a copy kept on the article (models.py), not a subquery per row
)

# The unfiltered list, the busiest uncached read, compiled once per process (common/queries.py).
_LIVE_ARTICLE_PAGES = CompiledPages(
    lambda alias: Article.objects.using(alias).live(now=Slot("now", DateTimeField())).values(*ARTICLE_LIST_COLUMNS),
    slots=("now",),
)


def article_list(*, filters: Mapping[str, Any] | None = None) -> QuerySet[Article, dict[str, Any]]:
    """Live articles as rows of ``ARTICLE_LIST_COLUMNS``, newest first, narrowed by ``tag``,
    ``author``, ``search`` and ``ordering``."""
    queryset = Article.objects.live()
    if filters and any(name in filters for name in ArticleFilter.base_filters):
        filterset = ArticleFilter(data=filters, queryset=queryset)
        if not filterset.is_valid():
            raise ValidationError(filterset.errors.as_data())
        queryset = filterset.qs
    return queryset.values(*ARTICLE_LIST_COLUMNS)


def article_list_pages(*, filters: Mapping[str, Any] | None = None) -> PageSource:
    """``article_list`` by the page. Building a FilterSet, and compiling a queryset, cost more
    than the query itself, so the common unfiltered list runs SQL compiled once."""
    if filters and any(name in filters for name in ArticleFilter.base_filters):
        return QuerySetPages(article_list(filters=filters))
    return _LIVE_ARTICLE_PAGES.bind(now=timezone.now(), using=router.db_for_read(Article))


def article_tag_lists(*, article_ids: Iterable[int]) -> dict[int, list[dict[str, str]]]:
    """Each article's tags as ``Article.tag_list`` keeps them: [{slug, name}] by name."""
    tag_lists: dict[int, list[dict[str, str]]] = defaultdict(list)
    links = (
        Article.tags.through.objects.filter(article_id__in=article_ids)
        .order_by("tag__name")
        .values_list("article_id", "tag__slug", "tag__name")
    )
    for article_id, slug, name in links:
        tag_lists[article_id].append({"slug": slug, "name": name})
    return tag_lists


ARTICLE_DETAIL_COLUMNS = (*ARTICLE_LIST_COLUMNS, "body_html", "updated_at")


def article_detail_for_reader(*, slug: str, user: User | Any) -> dict[str, Any]:
    """A live article as a row of ``ARTICLE_DETAIL_COLUMNS``; staff may also read drafts and
    scheduled ones (previews). 404 otherwise."""
    queryset = Article.objects.all() if user.is_staff else Article.objects.live()
    row = queryset.filter(slug=slug).values(*ARTICLE_DETAIL_COLUMNS).first()
    if row is None:
        raise Http404("No article with this slug.")
    return row


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
