"""Writes for content: publishing, covers, tags, comments and their moderation."""

from collections.abc import Iterable

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from rest_framework import status

from apps.accounts.models import User
from apps.common.exceptions import ApplicationError
from apps.content import selectors, tasks
from apps.content.caching import content_cache_invalidate
from apps.content.models import Article, Comment
from apps.jobs.services import enqueue_on_commit
from apps.uploads.images import image_reencode, image_thumbnail
from apps.uploads.services import storage_delete_on_commit


def article_publish(*, article: Article) -> Article:
    """Live now. An article already live keeps its original publish time."""
    now = timezone.now()
    if article.publish_at is None or article.publish_at > now:
        article.publish_at = now
    article.status = Article.Status.PUBLISHED
    article.save(update_fields=["status", "publish_at", "updated_at"])
    return article


def article_unpublish(*, article: Article) -> Article:
    article.status = Article.Status.DRAFT
    article.save(update_fields=["status", "updated_at"])
    return article


def articles_publish_due() -> int:
    """Flips scheduled articles whose time has come to published. Idempotent; returns how many."""
    due = Article.objects.filter(status=Article.Status.SCHEDULED, publish_at__lte=timezone.now())
    published = 0
    for article in due:
        # save(), not a bulk update: signals invalidate the public cache.
        article.status = Article.Status.PUBLISHED
        article.save(update_fields=["status", "updated_at"])
        published += 1
    return published


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
    # update() sends no signal; the new thumbnail URL must reach cached responses.
    content_cache_invalidate()
    return True


def _verified_author(user: User) -> None:
    if not user.is_email_verified:
        raise ApplicationError(
            code="email_not_verified",
            detail="Verify your email address before you comment.",
            status_code=status.HTTP_403_FORBIDDEN,
        )


def _own_comment(*, comment: Comment, user: User) -> None:
    if comment.author_id != user.pk:
        raise ApplicationError(
            code="permission_denied",
            detail="Only the author can change this comment.",
            status_code=status.HTTP_403_FORBIDDEN,
        )


def article_comment_count_refresh(*, article_id: int) -> None:
    """Recounts an article's visible comments (signals.py calls this on every comment change).

    The article row is locked first, so the count runs after any other transaction changing
    this article's comments has committed: two readers commenting at once both get counted.
    """
    visible = (
        Comment.objects.filter(article=OuterRef("pk"), state=Comment.State.VISIBLE)
        .order_by()
        .values("article")
        .annotate(count=Count("id"))
        .values("count")
    )
    with transaction.atomic():
        if not Article.objects.select_for_update().filter(pk=article_id).exists():
            return  # the article itself is being deleted
        Article.objects.filter(pk=article_id).update(
            comment_count=Coalesce(Subquery(visible, output_field=IntegerField()), Value(0))
        )


# Rows per statement: keeps IN lists and bulk updates within every database's parameter limit.
_TAG_LIST_BATCH = 500


def article_tag_list_refresh(*, article_ids: Iterable[int]) -> None:
    """Rewrites these articles' ``tag_list`` from their tags (signals.py calls this on every change
    of an article's tags and of a tag's name or slug, from either side of the relation).

    The article rows are locked first, in id order, so the tags are read after any other
    transaction changing them has committed: two editors tagging one article at once both
    get their tag listed.
    """
    ids = sorted(set(article_ids))
    with transaction.atomic():
        for start in range(0, len(ids), _TAG_LIST_BATCH):
            batch = ids[start : start + _TAG_LIST_BATCH]
            locked = list(
                Article.objects.select_for_update().filter(pk__in=batch).order_by("pk").values_list("pk", flat=True)
            )
            tag_lists = selectors.article_tag_lists(article_ids=locked)
            Article.objects.bulk_update([Article(pk=pk, tag_list=tag_lists.get(pk, [])) for pk in locked], ["tag_list"])


def comment_create(*, article: Article, author: User, body: str) -> Comment:
    _verified_author(author)
    comment = Comment(article=article, author=author, body=body)
    comment.full_clean()
    comment.save()
    return comment


def comment_update(*, comment: Comment, user: User, body: str) -> Comment:
    _own_comment(comment=comment, user=user)
    comment.body = body
    comment.edited_at = timezone.now()
    comment.full_clean()
    comment.save(update_fields=["body", "edited_at", "updated_at"])
    return comment


def comment_delete(*, comment: Comment, user: User) -> None:
    _own_comment(comment=comment, user=user)
    comment.delete()


def comment_moderate(*, comment: Comment, state: Comment.State) -> Comment:
    comment.state = state
    comment.save(update_fields=["state", "updated_at"])
    return comment
