"""The one place where a change outside content reaches the content response cache.

Article and comment responses show their author's public name (and a commenter's avatar).
Profiles change in accounts (profile service, avatar tasks, the user admin, account
deletion); rather than every one of those knowing about this cache, a save or delete of
a user invalidates it here. It only invalidates the cache: no business data is written.
"""

from typing import Any

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from apps.accounts.models import User
from apps.content.caching import content_changed

# Profile fields that appear in article and comment responses (author name and avatar).
_PUBLIC_USER_FIELDS = {"first_name", "last_name", "avatar", "avatar_thumbnail"}


@receiver(post_save, sender=User)
def _user_saved(update_fields: frozenset[str] | None = None, **kwargs: Any) -> None:
    # Logins save last_login on every session; they change nothing readers see.
    if update_fields is None or update_fields & _PUBLIC_USER_FIELDS:
        content_changed()


@receiver(post_delete, sender=User)
def _user_deleted(**kwargs: Any) -> None:
    content_changed()  # the byline goes and the user's comments with it
