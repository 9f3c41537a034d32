"""Writes for content: articles, covers, tags, comments and their moderation; the editorial
workflow (submit, review, schedule, publish, expire) is in ``workflow.py``.

Every write here that changes what readers see ends with ``content_changed()``, which
invalidates the shared response cache (caching.py), and ``site_articles_changed()`` for the
site's cached pages (revalidation.py). The API and the admin both write through these functions.
"""

from collections.abc import Iterable
from datetime import timedelta
from http import HTTPStatus

from django.conf import settings
from django.contrib.postgres.search import SearchVector
from django.core.files.uploadedfile import UploadedFile
from django.db import connection, transaction
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.accounts.models import User
from apps.common.exceptions import ApplicationError
from apps.content import tasks
from apps.content.caching import content_changed
from apps.content.errors import (
    ArticleEditConflict as ArticleEditConflict,
)  # raised here; callers catch it as services.*
from apps.content.models import Article, Comment, Tag
from apps.content.revalidation import site_articles_changed
from apps.content.services import seo
from apps.jobs.services import enqueue_on_commit
from apps.uploads.images import image_reencode, image_thumbnail
from apps.uploads.services import storage_delete_on_commit

# The search document of an article (PostgreSQL full-text search, English); filters.py searches it.
ARTICLE_SEARCH_VECTOR = SearchVector("title", "summary", "body", config="english")


def history_actor_set(*, instance: Article | Comment | Tag, actor: User | None) -> None:
    """Names who makes the next version (simple-history reads ``_history_user``); without an actor
    the admin request's user is recorded (HistoryRequestMiddleware), outside requests nobody."""
    if actor is not None:
        instance._history_user = actor  # type: ignore[union-attr]


def article_version_lock(*, article_id: int, expected_version: int | None = None) -> int:
    """Locks the article's row until commit and returns its version; refuses an expected one
    that is not the current (the optimistic lock of editors' forms)."""
    current = Article.objects.select_for_update().filter(pk=article_id).values_list("version", flat=True).first()
    if current is None:
        return 0  # deleted meanwhile: saving creates it again, as Django's admin would
    if expected_version is not None and expected_version != current:
        raise ArticleEditConflict(current_version=current)
    return current


@transaction.atomic
def article_save(*, article: Article, expected_version: int | None = None, actor: User | None = None) -> Article:
    """Creates or updates an article from its fields (the admin's form); tags are set apart.

    A once-published article's slug change keeps the old slug as a redirect (services/seo.py).
    With ``expected_version`` (the version the editor's form was loaded with) a save over someone
    else's newer one is refused with ``ArticleEditConflict`` instead of overwriting it. Who may edit
    which article is ``workflow.article_edit_check``'s to say, asked by the caller (the admin).
    On PostgreSQL it also stores the search document, from the saved text, in the same transaction.
    """
    article.full_clean(exclude=["tags"])
    if article.pk is not None:
        article.version = article_version_lock(article_id=article.pk, expected_version=expected_version) + 1
    history_actor_set(instance=article, actor=actor)
    before = Article.objects.filter(pk=article.pk).only("slug", "status", "publish_at", "unpublish_at").first()
    article.save()
    old_addresses = seo.article_redirects_update(before=before, article=article)
    # A new slug: the page at the old one and the new one, and the old addresses leading there.
    site_articles_changed(before, article, old_addresses=old_addresses)
    if connection.vendor == "postgresql":
        Article.objects.filter(pk=article.pk).update(search_vector=ARTICLE_SEARCH_VECTOR)
    content_changed()
    return article


def article_tags_set(*, article: Article, tags: Iterable[Tag]) -> Article:
    article.tags.set(tags)
    content_changed()
    site_articles_changed(article)
    return article


def article_delete(*, article: Article) -> None:
    """Deletes the article with its comments, tag links and old addresses."""
    old_addresses = seo.article_redirect_slugs(article=article)
    article.delete()
    content_changed()
    # The instance keeps its fields: its page goes too, if it had one, and its old addresses.
    site_articles_changed(article, old_addresses=old_addresses)


@transaction.atomic
def article_cover_set(*, article: Article, image: UploadedFile | None) -> Article:
    """Replaces (or, with None, removes) the cover with a validated, re-encoded copy; a task makes the thumbnail."""
    old_names = [name for name in (article.cover_image.name, article.cover_thumbnail.name) if name]
    article.cover_image = None
    article.cover_thumbnail = None
    if image is not None:
        cover = image_reencode(file=image, prefix="covers/")
        article.cover_image.name = article.cover_image.storage.save(cover.name, cover)
    try:
        article.save(update_fields=["cover_image", "cover_thumbnail", "updated_at"])
    except Exception:
        if article.cover_image:
            article.cover_image.storage.delete(article.cover_image.name)  # nothing half-stored
        raise
    if article.cover_image:
        enqueue_on_commit(tasks.make_article_cover_thumbnail, article.pk, article.cover_image.name)
    for name in old_names:
        storage_delete_on_commit(name=name)
    content_changed()
    site_articles_changed(article)
    return article


def article_cover_thumbnail_make(*, article_id: int, cover_name: str) -> bool:
    """Makes the thumbnail of this cover, unless the cover changed since or already has one."""
    article = Article.objects.filter(pk=article_id, cover_image=cover_name).first()
    if article is None or article.cover_thumbnail:
        return False
    storage = article.cover_image.storage
    with storage.open(cover_name, "rb") as source:
        thumbnail = image_thumbnail(file=source, prefix="covers/thumbnails/")
    thumbnail_name = storage.save(thumbnail.name, thumbnail)
    # Conditional update: the cover may have been replaced while the thumbnail was made.
    updated = Article.objects.filter(pk=article_id, cover_image=cover_name, cover_thumbnail="").update(
        cover_thumbnail=thumbnail_name, updated_at=timezone.now()
    )
    if not updated:
        storage.delete(thumbnail_name)
        return False
    content_changed()
    site_articles_changed(article)
    return True


def tag_save(*, tag: Tag) -> Tag:
    """Creates a tag or renames one; every article listing it shows the new name at once."""
    tag.full_clean()
    tag.save()
    content_changed()
    site_articles_changed(*tag.articles.live().only("slug", "status", "publish_at"), tags=True)
    return tag


@transaction.atomic
def tag_delete(*, tag: Tag) -> None:
    """Deletes the tag and its links; the articles stay (their pages are revalidated on commit)."""
    site_articles_changed(*tag.articles.live().only("slug", "status", "publish_at"), tags=True)
    tag.delete()
    content_changed()


def _verified_author(user: User) -> None:
    if not user.is_email_verified:
        raise ApplicationError(
            code="email_not_verified",
            detail=_("Verify your email address before you comment."),
            status_code=HTTPStatus.FORBIDDEN,
        )


def _own_comment(*, comment: Comment, user: User) -> None:
    if comment.author_id != user.pk:
        raise ApplicationError(
            code="permission_denied",
            detail=_("Only the author can change this comment."),
            status_code=HTTPStatus.FORBIDDEN,
        )


def _articles_lock(*, article_ids: Iterable[int]) -> None:
    """Locks these article rows, in id order (so two callers cannot deadlock), until commit.

    Taken before a comment changes: another transaction changing comments of the same article
    waits here until this one has committed, so each recount sees the other's comment.
    """
    list(Article.objects.select_for_update().filter(pk__in=article_ids).order_by("pk").values_list("pk", flat=True))


def _comment_counts_update(*, article_ids: Iterable[int]) -> None:
    """Recounts the visible comments of these (locked) articles into ``Article.comment_count``."""
    visible = (
        Comment.objects.filter(article=OuterRef("pk"), state=Comment.State.VISIBLE)
        .order_by()
        .values("article")
        .annotate(count=Count("pk"))
        .values("count")
    )
    Article.objects.filter(pk__in=article_ids).update(
        comment_count=Coalesce(Subquery(visible, output_field=IntegerField()), Value(0))
    )


def _held_for_review(author: User) -> bool:
    """New accounts' comments wait for a moderator when COMMENTS_HOLD_NEW_ACCOUNTS_DAYS is set."""
    days = settings.COMMENTS_HOLD_NEW_ACCOUNTS_DAYS
    return days > 0 and author.date_joined > timezone.now() - timedelta(days=days)


@transaction.atomic
def comment_create(*, article: Article, author: User, body: str) -> Comment:
    """A reader's comment: visible at once, or pending (not counted) while its author's account is new."""
    _verified_author(author)
    state = Comment.State.PENDING if _held_for_review(author) else Comment.State.VISIBLE
    comment = Comment(article=article, author=author, body=body, state=state)
    comment.full_clean()
    history_actor_set(instance=comment, actor=author)
    _articles_lock(article_ids=[article.pk])
    comment.save()
    _comment_counts_update(article_ids=[article.pk])
    content_changed()
    site_articles_changed(article)
    return comment


def comment_update(*, comment: Comment, user: User, body: str | None = None) -> Comment:
    """The author's edit; without a new body nothing changes (an empty PATCH)."""
    _own_comment(comment=comment, user=user)
    if body is None:
        return comment
    comment.body = body
    comment.edited_at = timezone.now()
    comment.full_clean()
    history_actor_set(instance=comment, actor=user)
    comment.save(update_fields=["body", "edited_at", "updated_at"])
    content_changed()
    site_articles_changed(comment.article)
    return comment


def comment_delete(*, comment: Comment, user: User) -> None:
    _own_comment(comment=comment, user=user)
    comment_remove(comment=comment)


@transaction.atomic
def comment_remove(*, comment: Comment) -> None:
    """Deletes a comment: an editor's moderation, or (through ``comment_delete``) its author."""
    _articles_lock(article_ids=[comment.article_id])
    comment.delete()
    _comment_counts_update(article_ids=[comment.article_id])
    content_changed()
    site_articles_changed(comment.article)


@transaction.atomic
def comments_delete_by_author(*, author: User) -> int:
    """Deletes every comment of this user (account deletion: comments are personal data) and
    recounts their articles. Returns how many were deleted."""
    article_ids = set(Comment.objects.filter(author=author).values_list("article_id", flat=True))
    _articles_lock(article_ids=article_ids)
    deleted, _ = Comment.objects.filter(author=author).delete()
    # Their versions are the same personal data (the deletion above adds one more per comment).
    Comment.history.filter(author_id=author.pk).delete()
    _comment_counts_update(article_ids=article_ids)
    content_changed()
    site_articles_changed(*Article.objects.live().filter(pk__in=article_ids).only("slug", "status", "publish_at"))
    return deleted


@transaction.atomic
def comment_moderate(*, comment: Comment, state: Comment.State) -> Comment:
    _articles_lock(article_ids=[comment.article_id])
    comment.state = state
    comment.save(update_fields=["state", "updated_at"])
    _comment_counts_update(article_ids=[comment.article_id])
    content_changed()
    site_articles_changed(comment.article)
    return comment


@transaction.atomic
def comments_moderate(*, comment_ids: Iterable[int], state: Comment.State) -> int:
    """The moderation queue's bulk action: these comments get ``state``, their articles are
    recounted once each. Returns how many comments there were."""
    comments = Comment.objects.filter(pk__in=list(comment_ids))
    article_ids = set(comments.values_list("article_id", flat=True))
    _articles_lock(article_ids=article_ids)
    count = comments.update(state=state, updated_at=timezone.now())
    _comment_counts_update(article_ids=article_ids)
    content_changed()
    return count
