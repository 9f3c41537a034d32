from datetime import timedelta

import pytest
from django.utils import timezone

from apps.content import tasks
from apps.content.models import Article
from apps.content.tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_publish_due_articles_publishes_what_is_due_and_is_safe_to_repeat():
    article = ArticleFactory(status=Article.Status.SCHEDULED, publish_at=timezone.now() - timedelta(minutes=2))

    assert tasks.publish_due_articles.delay().get() == (1, 0)
    assert tasks.publish_due_articles.delay().get() == (0, 0)
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED


def test_cover_thumbnail_task_ignores_an_article_that_is_gone():
    assert tasks.make_article_cover_thumbnail.delay(123456, "covers/x.webp").get() is False
