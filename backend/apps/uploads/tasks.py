"""Upload tasks: thin wrappers that load by id and call a service. Safe to run twice.

``ReliableTask`` retries transient failures (network, database, storage) with backoff
and dead-letters the rest; see docs/background-jobs.md.
"""

from botocore.exceptions import BotoCoreError
from celery import shared_task

from apps.jobs.base import TRANSIENT_ERRORS, ReliableTask
from apps.uploads import services


@shared_task(base=ReliableTask, transient_errors=(*TRANSIENT_ERRORS, OSError, BotoCoreError))
def make_avatar_thumbnail(user_id: int, avatar_name: str) -> bool:
    return services.avatar_thumbnail_make(user_id=user_id, avatar_name=avatar_name)


@shared_task(base=ReliableTask, transient_errors=(*TRANSIENT_ERRORS, OSError, BotoCoreError))
def cleanup_expired_uploads() -> int:
    """Periodic (hourly): uploads never finished or never used before they expired are deleted."""
    return services.uploads_cleanup_expired()
