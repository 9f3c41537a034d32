"""The editorial workflow: draft -> in review -> scheduled / published -> archived, and
"changes requested" back to draft (docs/editors.md).

Every transition checks its actor's permission here, so the admin and the API refuse alike:
authors (``content.change_article``) submit their own articles; editors
(``content.review_article``) do everything else, to anyone's. A refused transition raises
``ApplicationError``: 403 ``permission_denied`` for the wrong person, 409 ``invalid_transition``
for the wrong state. ``articles_schedule_run`` is the beat task's: no actor, to the minute.
"""

from collections.abc import Callable
from datetime import datetime
from http import HTTPStatus

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.accounts.models import User
from apps.common.exceptions import ApplicationError
from apps.content import services, tasks
from apps.content.caching import content_changed
from apps.content.models import Article
from apps.content.revalidation import site_articles_changed, site_revalidate_on_commit
from apps.jobs.services import enqueue_on_commit

Status = Article.Status
REVIEW_PERMISSION = "content.review_article"


# From which states each transition may start.
ALLOWED_FROM = {
    "submit": (Status.DRAFT,),
    "request_changes": (Status.IN_REVIEW,),
    "schedule": (Status.DRAFT, Status.IN_REVIEW, Status.SCHEDULED, Status.ARCHIVED),
    "publish": tuple(Status),  # publishing twice is harmless: the original time stays
    "unpublish": (Status.PUBLISHED, Status.SCHEDULED),
    "archive": (Status.DRAFT, Status.IN_REVIEW, Status.SCHEDULED, Status.PUBLISHED),
}


def user_is_reviewer(*, user: User) -> bool:
    return user.is_active and user.has_perm(REVIEW_PERMISSION)


def article_may_edit(*, article: Article, user: User) -> bool:
    """Editors edit any article; authors their own, until it is scheduled or published."""
    if user_is_reviewer(user=user):
        return True
    return (
        user.has_perm("content.change_article")
        and article.author_id == user.pk
        and article.status in (Status.DRAFT, Status.IN_REVIEW)
    )


def article_edit_check(*, article: Article, user: User) -> None:
    if not article_may_edit(article=article, user=user):
        raise ApplicationError(
            code="permission_denied",
            detail=_("You may only edit your own articles while they are drafts or in review."),
            status_code=HTTPStatus.FORBIDDEN,
        )


def _reviewer_check(*, user: User) -> None:
    if not user_is_reviewer(user=user):
        raise ApplicationError(
            code="permission_denied",
            detail=_("Only editors may review, schedule, publish, unpublish or archive articles."),
            status_code=HTTPStatus.FORBIDDEN,
        )


def _state_check(*, article: Article, allowed: tuple[str, ...]) -> None:
    if article.status not in allowed:
        raise ApplicationError(
            code="invalid_transition",
            detail=_("This is not possible while the article is “%(status)s”.")
            % {"status": article.get_status_display()},
            status_code=HTTPStatus.CONFLICT,
        )


def _save(*, article: Article, fields: list[str]) -> Article:
    article.full_clean(exclude=["tags"])
    # A transition is a change like an edit: a form loaded before it must not save over it.
    article.version = services.article_version_lock(article_id=article.pk) + 1
    before = Article.objects.filter(pk=article.pk).only("slug", "status", "publish_at", "unpublish_at").first()
    article.save(update_fields=[*fields, "status", "version", "updated_at"])
    content_changed()  # status changes what readers see, or may have seen (the response cache)
    site_articles_changed(before, article)  # its page on the site, if it was or is now live
    return article


@transaction.atomic
def article_submit(*, article: Article, by: User) -> Article:
    """The author hands the draft to the editors, who get an email each."""
    article_edit_check(article=article, user=by)
    _state_check(article=article, allowed=ALLOWED_FROM["submit"])
    article.status = Status.IN_REVIEW
    article.review_note = ""
    enqueue_on_commit(tasks.send_article_submitted_email, article.pk)
    return _save(article=article, fields=["review_note"])


@transaction.atomic
def article_changes_request(*, article: Article, by: User, note: str) -> Article:
    """Back to draft with the editor's note, which the author gets by email."""
    _reviewer_check(user=by)
    _state_check(article=article, allowed=ALLOWED_FROM["request_changes"])
    if not note.strip():
        raise ApplicationError(code="note_required", detail=_("Tell the author what to change."))
    article.status = Status.DRAFT
    article.review_note = note.strip()
    if article.author_id is not None:
        enqueue_on_commit(tasks.send_changes_requested_email, article.pk)
    return _save(article=article, fields=["review_note"])


@transaction.atomic
def article_schedule(
    *, article: Article, by: User, publish_at: datetime, unpublish_at: datetime | None = None
) -> Article:
    """Goes live at ``publish_at`` (a future time), and away at ``unpublish_at`` if given."""
    _reviewer_check(user=by)
    _state_check(article=article, allowed=ALLOWED_FROM["schedule"])
    if publish_at <= timezone.now():
        raise ApplicationError(code="publish_at_past", detail=_("Pick a time in the future, or publish now."))
    article.status = Status.SCHEDULED
    article.publish_at = publish_at
    article.unpublish_at = unpublish_at
    return _save(article=article, fields=["publish_at", "unpublish_at"])


@transaction.atomic
def article_publish(*, article: Article, by: User) -> Article:
    """Live now; an article that was live before keeps its original publish time (publishing twice is harmless)."""
    _reviewer_check(user=by)
    _state_check(article=article, allowed=ALLOWED_FROM["publish"])
    now = timezone.now()
    if article.publish_at is None or article.publish_at > now:
        article.publish_at = now
    if article.unpublish_at is not None and article.unpublish_at <= now:
        article.unpublish_at = None  # an expired article published again stays up
    article.status = Status.PUBLISHED
    if article.author_id is not None and article.author_id != by.pk:
        enqueue_on_commit(tasks.send_article_published_email, article.pk)
    return _save(article=article, fields=["publish_at", "unpublish_at"])


@transaction.atomic
def article_unpublish(*, article: Article, by: User) -> Article:
    _reviewer_check(user=by)
    _state_check(article=article, allowed=ALLOWED_FROM["unpublish"])
    article.status = Status.DRAFT
    return _save(article=article, fields=[])


@transaction.atomic
def article_archive(*, article: Article, by: User) -> Article:
    _reviewer_check(user=by)
    _state_check(article=article, allowed=ALLOWED_FROM["archive"])
    article.status = Status.ARCHIVED
    return _save(article=article, fields=[])


TRANSITIONS: dict[str, Callable[..., Article]] = {
    "submit": article_submit,
    "request_changes": article_changes_request,
    "schedule": article_schedule,
    "publish": article_publish,
    "unpublish": article_unpublish,
    "archive": article_archive,
}


def transitions_available(*, article: Article, user: User) -> list[str]:
    """The transitions this user may make on this article now (the admin's workflow choices)."""
    if user_is_reviewer(user=user):
        names = [name for name in TRANSITIONS if name != "submit" or article.status == Status.DRAFT]
    else:
        names = ["submit"] if article_may_edit(article=article, user=user) else []
    return [name for name in names if article.status in ALLOWED_FROM[name]]


@transaction.atomic
def articles_schedule_run() -> tuple[int, int]:
    """The beat task's minute: due scheduled articles become published (their authors get an
    email), expired ones archived. Idempotent; returns (published, archived)."""
    now = timezone.now()
    due = list(
        Article.objects.select_for_update(skip_locked=True)
        .filter(status=Status.SCHEDULED, publish_at__lte=now)
        .filter(Q(unpublish_at__isnull=True) | Q(unpublish_at__gt=now))
        .values_list("pk", "author_id", "slug")
    )
    Article.objects.filter(pk__in=[pk for pk, _, _ in due]).update(status=Status.PUBLISHED, updated_at=now)
    for pk, author_id, _slug in due:
        if author_id is not None:
            enqueue_on_commit(tasks.send_article_published_email, pk)
    expired = Article.objects.select_for_update(skip_locked=True).filter(
        status__in=(Status.SCHEDULED, Status.PUBLISHED), unpublish_at__lte=now
    )
    expired_slugs = list(expired.values_list("slug", flat=True))
    archived = Article.objects.filter(slug__in=expired_slugs).update(status=Status.ARCHIVED, updated_at=now)
    if due or archived:
        content_changed()
        # Pages that just went live, and pages that just expired (readers saw them until now).
        site_revalidate_on_commit(slugs=[slug for _, _, slug in due] + expired_slugs)
    return len(due), archived
