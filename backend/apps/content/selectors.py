"""Reads for content. Each read costs a fixed number of queries, whatever the page size.

Not found: a ``*_get*`` selector raises ``django.http.Http404`` (the exception handler answers
a 404 problem document); list selectors return a queryset, empty when nothing matches.
"""

from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from http import HTTPStatus
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch, Q, QuerySet
from django.db.models.functions import TruncDate
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.accounts.models import User
from apps.common.exceptions import ApplicationError
from apps.content.errors import ArticleMoved
from apps.content.filters import ArticleFilter
from apps.content.models import Article, ArticleRedirect, Comment, Tag
from apps.content.preview import preview_token_article_id
from apps.exports.models import Export
from apps.jobs.models import OutboxMessage

# What ArticleListSerializer reads: the body and its HTML stay in the table.
_LIST_FIELDS = (
    "slug",
    "title",
    "summary",
    "cover_image",
    "cover_thumbnail",
    "publish_at",
    "comment_count",
    "author__first_name",
    "author__last_name",
)


def _for_reading(queryset: QuerySet[Article]) -> QuerySet[Article]:
    """What the list and detail serializers show: the author by join, the tags by one prefetch
    query (by name, Tag's ordering) into ``article.tag_items``; the comment count is a column.

    ``to_attr`` stores each article's tags as a plain list: Django then builds no related manager
    and queryset per article, on prefetch and again on read (~0.7 ms of a 20-item page).
    """
    return queryset.select_related("author").prefetch_related(
        Prefetch("tags", queryset=Tag.objects.only("slug", "name"), to_attr="tag_items")
    )


def article_list(*, filters: Mapping[str, Any] | None = None) -> QuerySet[Article]:
    """Live articles, newest first, narrowed by ``tag``, ``author``, ``search`` and ``ordering``."""
    filterset = ArticleFilter(data=filters or {}, queryset=Article.objects.live())
    if not filterset.is_valid():
        raise ValidationError(filterset.errors.as_data())
    return _for_reading(filterset.qs).only(*_LIST_FIELDS)


def article_get_for_reader(*, slug: str, user: User | Any) -> Article:
    """A live article; staff may also read drafts and scheduled ones (previews).

    An old address of an article this reader may see raises ``ArticleMoved`` with its current
    slug (a 301); anything else is 404. The old address is looked up only when no article has
    the slug, so reading a current address costs nothing more.
    """
    queryset = Article.objects.all() if user.is_staff else Article.objects.live()
    # The search document is for the list's search only: kilobytes per row no reader needs.
    article = _for_reading(queryset).defer("search_vector").filter(slug=slug).first()
    if article is None:
        moved_to = (
            ArticleRedirect.objects.filter(old_slug=slug, article__in=queryset.values("pk"))
            .values_list("article__slug", flat=True)
            .first()
        )
        if moved_to is not None:
            raise ArticleMoved(slug=moved_to)
        raise Http404("No article with this slug.")
    return article


def article_get_for_workflow(*, slug: str, user: User) -> Article:
    """Any article, for a workflow transition by staff; others get 404 (not even a draft's existence)."""
    article = Article.objects.filter(slug=slug).first() if user.is_staff else None
    if article is None:
        raise Http404("No article with this slug.")
    return article


def article_get_for_preview(*, slug: str, token: str) -> Article:
    """The article of a preview token, whatever its status (the site's draft mode); 403 for any other."""
    article_id = preview_token_article_id(token=token)
    article = _for_reading(Article.objects.all()).defer("search_vector").filter(slug=slug).first()
    if article is None:
        raise Http404("No article with this slug.")
    if article.pk != article_id:
        raise ApplicationError(
            code="preview_token_other_article",
            detail=_("This preview link is for another article."),
            status_code=HTTPStatus.FORBIDDEN,
        )
    return article


def article_get_live(*, slug: str) -> Article:
    article = Article.objects.live().filter(slug=slug).only("id", "slug").first()
    if article is None:
        raise Http404("No article with this slug.")
    return article


def article_author_choices(*, also: int | None = None) -> QuerySet[User]:
    """Who may be an article's author in the admin: staff accounts, and anyone with a byline
    already (an author who left the newsroom can still be found and filtered by); ``also`` adds
    one account (the article's current author, so it still saves)."""
    choices = Q(is_staff=True) | Q(pk__in=Article.objects.exclude(author=None).values("author_id"))
    if also is not None:
        choices |= Q(pk=also)
    return User.objects.filter(choices).order_by("first_name", "last_name", "pk")


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


# The admin's dashboard (admin/dashboard.py): small, bounded reads for staff.
DASHBOARD_ITEMS = 8


def dashboard_drafts(*, user: User) -> list[Article]:
    return list(
        Article.objects.filter(author=user, status=Article.Status.DRAFT).order_by("-updated_at")[:DASHBOARD_ITEMS]
    )


def dashboard_in_review() -> list[Article]:
    return list(
        Article.objects.filter(status=Article.Status.IN_REVIEW)
        .select_related("author")
        .order_by("updated_at")[:DASHBOARD_ITEMS]
    )


def dashboard_scheduled(*, days: int) -> list[Article]:
    now = timezone.now()
    return list(
        Article.objects.filter(
            status=Article.Status.SCHEDULED, publish_at__gt=now, publish_at__lte=now + timedelta(days=days)
        ).order_by("publish_at")
    )


def comment_pending_count() -> int:
    return Comment.objects.filter(state=Comment.State.PENDING).count()


def dashboard_failed_jobs() -> dict[str, int]:
    """Tasks the broker has not taken after a failed try (the outbox), and export builds that failed."""
    return {
        "outbox": OutboxMessage.objects.exclude(last_error="").count(),
        "exports": Export.objects.filter(status=Export.Status.FAILED).count(),
    }


def dashboard_daily_counts(*, days: int) -> tuple[list[date], list[int], list[int]]:
    """Per day of the last ``days`` (today included): articles published and comments written."""
    today = timezone.localdate()
    start = today - timedelta(days=days - 1)
    since = timezone.make_aware(datetime.combine(start, time.min))
    published = dict(
        Article.objects.live()
        .filter(publish_at__gte=since)
        .annotate(day=TruncDate("publish_at"))
        .values_list("day")
        .annotate(count=Count("pk"))
        .values_list("day", "count")
    )
    comments = dict(
        Comment.objects.filter(created_at__gte=since)
        .annotate(day=TruncDate("created_at"))
        .values_list("day")
        .annotate(count=Count("pk"))
        .values_list("day", "count")
    )
    series = [start + timedelta(days=offset) for offset in range(days)]
    return series, [published.get(day, 0) for day in series], [comments.get(day, 0) for day in series]
