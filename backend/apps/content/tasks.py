"""Content tasks: thin wrappers that load by id and call a service. Safe to run twice."""

from celery import shared_task

from apps.content import services


@shared_task(autoretry_for=(OSError,), retry_backoff=5, retry_backoff_max=300, max_retries=5)
def make_article_cover_thumbnail(article_id: int, cover_name: str) -> bool:
    return services.article_cover_thumbnail_make(article_id=article_id, cover_name=cover_name)


@shared_task
def publish_due_articles() -> int:
    """Periodic (every minute): scheduled articles whose publish time has passed become published."""
    return services.articles_publish_due()
