"""Content tasks: thin wrappers that load by id and call a service. Safe to run twice.

``ReliableTask`` retries transient failures (network, database, storage) with backoff
and dead-letters the rest; see docs/background-jobs.md.
"""

from celery import shared_task

from apps.content import emails, services
from apps.content.models import Article
from apps.content.services import workflow
from apps.jobs.base import TRANSIENT_EMAIL_ERRORS, TRANSIENT_STORAGE_ERRORS, ReliableTask

EMAIL_TASK_OPTIONS = {"base": ReliableTask, "autoretry_for": TRANSIENT_EMAIL_ERRORS}


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
