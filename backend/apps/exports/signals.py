from functools import partial
from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from apps.exports.models import Export


@receiver(post_delete, sender=Export)
def _export_archive_delete(instance: Export, **kwargs: Any) -> None:
    """An archive is personal data: it goes when its row goes (expiry, account deletion).

    After commit, so a rolled-back deletion keeps its file.
    """
    if instance.file.name:
        transaction.on_commit(partial(instance.file.storage.delete, instance.file.name))
