"""Any change to what the public article and comment responses show invalidates their cache;
comment changes also update their article's comment count, and tag changes the tag lists
kept on articles."""

from typing import Any

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver

from apps.accounts.models import User
from apps.content import services
from apps.content.caching import content_cache_invalidate
from apps.content.models import Article, Comment, Tag

# Profile fields that appear in article and comment responses (author name and avatar).
_PUBLIC_USER_FIELDS = {"first_name", "last_name", "avatar", "avatar_thumbnail"}


def _invalidate() -> None:
    """Now, and again after commit: a reader between the two may have cached the uncommitted past."""
    content_cache_invalidate()
    transaction.on_commit(content_cache_invalidate)


@receiver(post_save, sender=Article)
@receiver(post_delete, sender=Article)
@receiver(post_save, sender=Tag)
@receiver(post_delete, sender=Tag)
@receiver(post_save, sender=Comment)
@receiver(post_delete, sender=Comment)
@receiver(m2m_changed, sender=Article.tags.through)
def _content_changed(**kwargs: Any) -> None:
    _invalidate()


# Where the ids of a tag's articles wait while its links are removed: afterwards nothing names them.
_ARTICLE_IDS_BEFORE = "_article_ids_before_unlinking"


def _remember_articles_of(tag: Tag) -> None:
    setattr(tag, _ARTICLE_IDS_BEFORE, list(Article.objects.filter(tags=tag).values_list("pk", flat=True)))


@receiver(m2m_changed, sender=Article.tags.through)
def _article_tags_changed(instance: Article | Tag, action: str, pk_set: set[int] | None, **kwargs: Any) -> None:
    if isinstance(instance, Article):
        if action in ("post_add", "post_remove", "post_clear"):
            services.article_tag_list_refresh(article_ids=[instance.pk])
    elif action == "pre_clear":
        _remember_articles_of(instance)
    elif action == "post_clear":
        services.article_tag_list_refresh(article_ids=getattr(instance, _ARTICLE_IDS_BEFORE, []))
    elif action in ("post_add", "post_remove"):
        services.article_tag_list_refresh(article_ids=pk_set or [])


@receiver(post_save, sender=Tag)
def _tag_saved(instance: Tag, created: bool, update_fields: frozenset[str] | None = None, **kwargs: Any) -> None:
    if created or (update_fields is not None and not update_fields & {"name", "slug"}):
        return
    services.article_tag_list_refresh(article_ids=Article.objects.filter(tags=instance).values_list("pk", flat=True))


@receiver(pre_delete, sender=Tag)
def _tag_deleting(instance: Tag, **kwargs: Any) -> None:
    _remember_articles_of(instance)  # the links go with the tag, without an m2m signal


@receiver(post_delete, sender=Tag)
def _tag_deleted(instance: Tag, **kwargs: Any) -> None:
    services.article_tag_list_refresh(article_ids=getattr(instance, _ARTICLE_IDS_BEFORE, []))


@receiver(post_save, sender=Comment)
def _comment_saved(
    instance: Comment, created: bool, update_fields: frozenset[str] | None = None, **kwargs: Any
) -> None:
    # An edit of the text changes no count; a new comment or a moderation decision may.
    if created or update_fields is None or "state" in update_fields:
        services.article_comment_count_refresh(article_id=instance.article_id)


@receiver(post_delete, sender=Comment)
def _comment_deleted(instance: Comment, **kwargs: Any) -> None:
    services.article_comment_count_refresh(article_id=instance.article_id)


@receiver(post_save, sender=User)
def _user_changed(update_fields: frozenset[str] | None = None, **kwargs: Any) -> None:
    # Logins save last_login on every session; they change nothing readers see.
    if update_fields is None or update_fields & _PUBLIC_USER_FIELDS:
        _invalidate()


@receiver(post_delete, sender=User)
def _user_deleted(**kwargs: Any) -> None:
    _invalidate()
