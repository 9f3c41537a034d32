"""Any change to what the public article and comment responses show invalidates their cache;
comment changes also update their article's comment count."""

from typing import Any

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
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
