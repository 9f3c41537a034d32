"""Upload tasks: thin wrappers that load by id and call a service. Safe to run twice.

``ReliableTask`` retries transient failures (network, database, storage) with backoff
and dead-letters the rest; see docs/background-jobs.md.
"""

import uuid

from celery import shared_task

from apps.jobs.base import TRANSIENT_STORAGE_ERRORS, ReliableTask
from apps.uploads import image_services, services


@shared_task(base=ReliableTask, autoretry_for=TRANSIENT_STORAGE_ERRORS)
def make_avatar_thumbnail(user_id: int, avatar_name: str) -> bool:
    return services.avatar_thumbnail_make(user_id=user_id, avatar_name=avatar_name)


@shared_task(base=ReliableTask, autoretry_for=TRANSIENT_STORAGE_ERRORS)
def cleanup_expired_uploads() -> int:
    """Periodic (hourly): uploads never finished or never used before they expired are deleted."""
    return services.uploads_cleanup_expired()


@shared_task(base=ReliableTask, autoretry_for=TRANSIENT_STORAGE_ERRORS)
def make_article_image_thumbnail(image_id: str) -> bool:
    return image_services.article_image_thumbnail_make(image_id=uuid.UUID(image_id))
