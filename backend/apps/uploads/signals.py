from typing import Any

from django.db.models.signals import pre_delete
from django.dispatch import receiver

from apps.accounts.models import User
from apps.uploads.models import Upload
from apps.uploads.services import storage_delete_on_commit


@receiver(pre_delete, sender=User)
def _user_uploads_delete(instance: User, **kwargs: Any) -> None:
    """The rows cascade with the account; their stored bytes must go too (personal data)."""
    for key in Upload.objects.filter(owner=instance).values_list("key", flat=True):
        storage_delete_on_commit(name=key)
