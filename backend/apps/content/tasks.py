"""Content tasks: thin wrappers that load by id and call a service. Safe to run twice.

``ReliableTask`` retries transient failures (network, database, storage) with backoff
and dead-letters the rest; see docs/background-jobs.md.
"""

import logging

from celery import current_app, shared_task

from apps.content import revalidation, services
from apps.jobs.base import TRANSIENT_STORAGE_ERRORS, ReliableTask

logger = logging.getLogger(__name__)


@shared_task(base=ReliableTask, autoretry_for=TRANSIENT_STORAGE_ERRORS)
def make_article_cover_thumbnail(article_id: int, cover_name: str) -> bool:
    return services.article_cover_thumbnail_make(article_id=article_id, cover_name=cover_name)


@shared_task(base=ReliableTask)
def publish_due_articles() -> int:
    """Periodic (every minute): scheduled articles whose publish time has passed become published."""
    return services.articles_publish_due()


@shared_task(base=ReliableTask, autoretry_for=TRANSIENT_STORAGE_ERRORS)
def revalidate_site(tags: list[str]) -> None:
    """Tells the Next.js site to drop its cached pages under these tags (apps/content/revalidation.py).

    URLError (no connection, timeout) is an OSError, so it is retried with the 5xx answers.
    Without a broker (make dev, the e2e backend) the task runs inside the request that changed
    the content, where nobody would retry it: a site that is not running must not fail that
    request (or `manage.py seed`), and its pages then refresh on their timer.
    """
    try:
        revalidation.site_revalidate(tags=tags)
    except TRANSIENT_STORAGE_ERRORS as error:
        if not current_app.conf.task_always_eager:
            raise
        logger.warning("The site was not revalidated (%s); its pages refresh on their timer: %s", tags, error)
