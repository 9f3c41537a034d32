"""Which changes revalidate which of the site's cache tags (apps/content/revalidation.py)."""

from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from apps.accounts.tests.factories import UserFactory
from apps.content import revalidation, services, tasks
from apps.content.models import Article, Comment
from apps.content.services import workflow
from apps.content.tests.factories import ArticleFactory, CommentFactory, TagFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(monkeypatch, settings) -> list[list[str]]:
    """The tag lists enqueued for the revalidation task, in order."""
    settings.REVALIDATE_SECRET = "s" * 32
    calls: list[list[str]] = []

    def record(task, tags):
        assert task is tasks.revalidate_site
        calls.append(tags)

    monkeypatch.setattr(revalidation, "enqueue_on_commit", record)
    return calls


def test_publishing_revalidates_the_article_and_the_lists(sent, editor):
    article = ArticleFactory(draft=True, slug="news")

    workflow.article_publish(article=article, by=editor)

    assert sent == [["article:news", "articles"]]


def test_unpublishing_revalidates_the_page_it_had(sent, editor):
    article = ArticleFactory(slug="news")
    sent.clear()  # the factory saved it through the service

    workflow.article_unpublish(article=article, by=editor)

    assert sent == [["article:news", "articles"]]


def test_editing_a_published_article_revalidates_the_old_and_new_slug(sent):
    article = ArticleFactory(slug="old-slug")
    article.title, article.slug = "New title", "new-slug"
    sent.clear()

    services.article_save(article=article)

    assert sent == [["article:new-slug", "article:old-slug", "articles"]]


def test_nothing_is_sent_for_drafts(sent, editor):
    article = ArticleFactory(draft=True)
    future = ArticleFactory(status=Article.Status.SCHEDULED, publish_at=timezone.now() + timedelta(days=1))
    article.title = "Still a draft"

    services.article_save(article=article)
    services.article_tags_set(article=article, tags=[TagFactory()])
    workflow.article_unpublish(article=future, by=editor)
    services.article_delete(article=article)
    services.comment_moderate(comment=CommentFactory(article=future), state=Comment.State.HIDDEN)

    assert sent == []


def test_nothing_is_sent_without_a_secret(sent, settings, editor):
    settings.REVALIDATE_SECRET = ""

    workflow.article_publish(article=ArticleFactory(draft=True), by=editor)

    assert sent == []


def test_the_beat_task_revalidates_what_it_published(sent):
    ArticleFactory(slug="due", status=Article.Status.SCHEDULED, publish_at=timezone.now() - timedelta(minutes=1))
    ArticleFactory(draft=True)
    sent.clear()

    assert workflow.articles_schedule_run() == (1, 0)
    assert workflow.articles_schedule_run() == (0, 0)

    assert sent == [["article:due", "articles"]]


def test_a_tag_rename_revalidates_the_tag_filter_and_its_live_articles(sent):
    tag = TagFactory(name="Old")
    ArticleFactory(slug="live", tags=[tag])
    ArticleFactory(slug="draft", draft=True, tags=[tag])
    tag.name = "New"
    sent.clear()  # the factory set the tags through the service

    services.tag_save(tag=tag)

    assert sent == [["article:live", "articles", "tags"]]


def test_comment_moderation_revalidates_the_article(sent):
    comment = CommentFactory(article=ArticleFactory(slug="talk"))
    sent.clear()

    services.comment_moderate(comment=comment, state=Comment.State.HIDDEN)
    services.comment_remove(comment=comment)

    assert sent == [["article:talk", "articles"], ["article:talk", "articles"]]


def test_a_new_comment_revalidates_the_article(sent):
    article = ArticleFactory(slug="talk")
    sent.clear()

    services.comment_create(article=article, author=UserFactory(is_email_verified=True), body="Hi")

    assert sent == [["article:talk", "articles"]]


def test_unpublishing_calls_the_site_only_after_the_change_is_saved(
    monkeypatch, settings, django_capture_on_commit_callbacks, editor
):
    """The call goes out on commit (as enqueue_on_commit publishes): it must find the article unpublished."""
    settings.REVALIDATE_SECRET = "s" * 32
    article = ArticleFactory(slug="gone-soon")
    seen = []

    def on_commit_call(task, tags):
        transaction.on_commit(lambda: seen.append(Article.objects.get(pk=article.pk).status))

    monkeypatch.setattr(revalidation, "enqueue_on_commit", on_commit_call)

    with django_capture_on_commit_callbacks(execute=True):
        workflow.article_unpublish(article=article, by=editor)

    assert seen == [Article.Status.DRAFT]


def test_deleting_a_tag_revalidates_the_tag_filter_and_its_articles(sent):
    tag = TagFactory()
    ArticleFactory(slug="tagged", tags=[tag])
    sent.clear()

    services.tag_delete(tag=tag)

    assert sent == [["article:tagged", "articles", "tags"]]
