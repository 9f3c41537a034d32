"""Content tasks: thin wrappers that load by id and call a service. Safe to run twice.

``ReliableTask`` retries transient failures (network, database, storage) with backoff
and dead-letters the rest; see docs/background-jobs.md.
"""

import logging

from celery import current_app, shared_task

from apps.content import emails, revalidation, services
from apps.content.models import Article
from apps.content.services import workflow
from apps.jobs.base import TRANSIENT_EMAIL_ERRORS, TRANSIENT_STORAGE_ERRORS, ReliableTask

EMAIL_TASK_OPTIONS = {"base": ReliableTask, "autoretry_for": TRANSIENT_EMAIL_ERRORS}

logger = logging.getLogger(__name__)


@shared_task(base=ReliableTask, autoretry_for=TRANSIENT_STORAGE_ERRORS)
def make_article_cover_thumbnail(article_id: int, cover_name: str) -> bool:
    return services.article_cover_thumbnail_make(article_id=article_id, cover_name=cover_name)


@shared_task(base=ReliableTask)
def publish_due_articles() -> tuple[int, int]:
    """Periodic (every minute): due scheduled articles become published, expired ones archived."""
    return workflow.articles_schedule_run()


@shared_task(**EMAIL_TASK_OPTIONS)
def send_article_submitted_email(article_id: int) -> None:
    article = Article.objects.filter(pk=article_id, status=Article.Status.IN_REVIEW).first()
    if article is not None:
        emails.article_submitted_email_send(article=article)


@shared_task(**EMAIL_TASK_OPTIONS)
def send_changes_requested_email(article_id: int) -> None:
    article = Article.objects.select_related("author").filter(pk=article_id, status=Article.Status.DRAFT).first()
    if article is not None and article.author is not None:
        emails.changes_requested_email_send(article=article)


@shared_task(**EMAIL_TASK_OPTIONS)
def send_article_published_email(article_id: int) -> None:
    article = Article.objects.select_related("author").filter(pk=article_id, status=Article.Status.PUBLISHED).first()
    if article is not None and article.author is not None:
        emails.article_published_email_send(article=article)


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
