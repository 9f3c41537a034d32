from collections.abc import Iterable
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.http import Http404
from django.utils import timezone

from apps.accounts.tests.factories import UserFactory
from apps.content import selectors, services
from apps.content.filters import ArticleFilter
from apps.content.models import Article, Comment
from apps.content.tests.factories import ArticleFactory, CommentFactory, TagFactory

pytestmark = pytest.mark.django_db


def _ids(articles: Iterable[Article]) -> list[int]:
    return [article.pk for article in articles]


@pytest.mark.parametrize(
    ("filters", "total"),
    [
        (None, 5),
        ({}, 5),
        ({"page": "2"}, 5),
        ({"ordering": "-publishedAt"}, 5),
        ({"tag": "python"}, 4),
        ({"search": "number"}, 5),
    ],
)
def test_list_reads_a_fixed_number_of_queries_whatever_the_filters(filters, total, django_assert_num_queries):
    """The articles with author and comment count, then the page's tags in one prefetch."""
    tag = TagFactory(slug="python")
    ArticleFactory.create_batch(4, tags=[tag, TagFactory()])
    ArticleFactory()
    ArticleFactory(scheduled=True)
    CommentFactory(article=Article.objects.first())

    with django_assert_num_queries(2):
        articles = list(selectors.article_list(filters=filters))
        assert sum(len(article.tag_items) for article in articles) == 2 * min(total, 4)
        assert [article.author.public_name for article in articles]
    assert len(articles) == total


def test_list_shows_published_and_due_scheduled_articles_only():
    published = ArticleFactory()
    due = ArticleFactory(status=Article.Status.SCHEDULED, publish_at=timezone.now() - timedelta(seconds=1))
    ArticleFactory(scheduled=True)
    ArticleFactory(draft=True)

    assert set(_ids(selectors.article_list())) == {published.pk, due.pk}


def test_list_is_newest_first_unless_asked_otherwise():
    older = ArticleFactory(publish_at=timezone.now() - timedelta(days=2))
    newer = ArticleFactory(publish_at=timezone.now() - timedelta(days=1))

    assert _ids(selectors.article_list()) == [newer.pk, older.pk]
    assert _ids(selectors.article_list(filters={"ordering": "publishedAt"})) == [older.pk, newer.pk]


def test_list_filters_by_tag_and_author():
    python = TagFactory(slug="python")
    author = UserFactory()
    tagged = ArticleFactory(tags=[python])
    by_author = ArticleFactory(author=author)

    assert _ids(selectors.article_list(filters={"tag": "python"})) == [tagged.pk]
    assert _ids(selectors.article_list(filters={"author": str(author.pk)})) == [by_author.pk]


def test_list_refuses_malformed_filters():
    with pytest.raises(ValidationError):
        selectors.article_list(filters={"author": "not-a-number"})
    with pytest.raises(ValidationError):
        selectors.article_list(filters={"ordering": "title"})


def test_search_finds_words_in_title_summary_and_body():
    in_title = ArticleFactory(title="Deploying Django on a sailboat", summary="", body="text")
    in_body = ArticleFactory(title="Notes", summary="", body="We race sailboat crews.")
    ArticleFactory(title="Gardening", summary="", body="Tomatoes")

    assert set(_ids(selectors.article_list(filters={"search": "sailboat"}))) == {in_title.pk, in_body.pk}
    assert len(selectors.article_list(filters={"search": "  "})) == 3


def test_comment_count_counts_visible_comments_only():
    article = ArticleFactory()
    for body in ("One", "Two", "Spam"):
        comment = services.comment_create(article=article, author=UserFactory(), body=body)
    services.comment_moderate(comment=comment, state=Comment.State.HIDDEN)

    assert selectors.article_list().get().comment_count == 2


def test_readers_get_404_for_drafts_and_future_articles_but_staff_can_preview():
    draft = ArticleFactory(draft=True)
    future = ArticleFactory(scheduled=True)
    reader = UserFactory()
    staff = UserFactory(is_staff=True)

    for article in (draft, future):
        with pytest.raises(Http404):
            selectors.article_get_for_reader(slug=article.slug, user=reader)
        assert selectors.article_get_for_reader(slug=article.slug, user=staff) == article


def test_next_publish_at_is_the_earliest_waiting_scheduled_time():
    assert selectors.article_next_publish_at() is None
    soon = ArticleFactory(status=Article.Status.SCHEDULED, publish_at=timezone.now() + timedelta(minutes=5))
    ArticleFactory(scheduled=True)

    assert selectors.article_next_publish_at() == soon.publish_at


def test_hidden_comments_and_comments_on_unpublished_articles_are_not_found():
    hidden = CommentFactory(state=Comment.State.HIDDEN)
    on_draft = CommentFactory(article=ArticleFactory(draft=True))
    visible = CommentFactory()

    for comment in (hidden, on_draft):
        with pytest.raises(Http404):
            selectors.comment_get_visible(comment_id=comment.pk)
    assert selectors.comment_get_visible(comment_id=visible.pk) == visible


@pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text search index exists on PostgreSQL only")
def test_postgres_search_can_use_the_gin_index():
    """The filter's expression must match the index's; otherwise PostgreSQL cannot use the index at all."""
    ArticleFactory.create_batch(3)
    # With few rows the planner prefers the status index; the search filter alone shows the match.
    queryset = ArticleFilter(data={"search": "django"}, queryset=Article.objects.all()).qs

    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = queryset.explain()

    assert "content_article_search_idx" in plan
