"""A changed or deleted user is forgotten by the user cache (user_cache.py)."""

from typing import Any

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from apps.accounts.models import User
from apps.accounts.user_cache import user_cache_forget


@receiver(post_save, sender=User)
def _user_saved(instance: User, created: bool, **kwargs: Any) -> None:
    # A new user has no earlier row that anyone could have cached.
    if not created:
        user_cache_forget(user_id=instance.pk)


@receiver(post_delete, sender=User)
def _user_deleted(instance: User, **kwargs: Any) -> None:
    user_cache_forget(user_id=instance.pk)
