"""Upload tasks: thin wrappers that load by id and call a service. Safe to run twice."""

from celery import shared_task

from apps.uploads import services


@shared_task(autoretry_for=(OSError,), retry_backoff=5, retry_backoff_max=300, max_retries=5)
def make_avatar_thumbnail(user_id: int, avatar_name: str) -> bool:
    return services.avatar_thumbnail_make(user_id=user_id, avatar_name=avatar_name)


@shared_task
def cleanup_expired_uploads() -> int:
    """Periodic (hourly): uploads never finished or never used before they expired are deleted."""
    return services.uploads_cleanup_expired()
