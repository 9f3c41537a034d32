import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from apps.accounts.tests.factories import UserFactory
from apps.common.exceptions import ApplicationError
from apps.common.tests.concurrency import commit_two_at_once
from apps.content import selectors, services
from apps.content.models import Article, Comment
from apps.content.tests.factories import ArticleFactory, CommentFactory

pytestmark = pytest.mark.django_db


def test_verified_user_can_comment_and_the_body_is_kept_as_typed():
    article = ArticleFactory()
    author = UserFactory()

    comment = services.comment_create(article=article, author=author, body="<b>Nice</b> & thanks")

    assert comment.body == "<b>Nice</b> & thanks"
    assert comment.state == Comment.State.VISIBLE
    assert comment.edited_at is None


def test_unverified_user_cannot_comment():
    with pytest.raises(ApplicationError) as error:
        services.comment_create(article=ArticleFactory(), author=UserFactory(is_email_verified=False), body="Hi")

    assert error.value.code == "email_not_verified"
    assert error.value.status_code == 403
    assert not Comment.objects.exists()


def test_a_comment_longer_than_the_limit_is_refused():
    with pytest.raises(ValidationError):
        services.comment_create(article=ArticleFactory(), author=UserFactory(), body="x" * 5001)


def test_author_edit_sets_edited_at():
    comment = CommentFactory()

    services.comment_update(comment=comment, user=comment.author, body="Better words")

    comment.refresh_from_db()
    assert comment.body == "Better words"
    assert comment.edited_at is not None


def test_non_author_cannot_edit_comment():
    comment = CommentFactory(body="original")

    with pytest.raises(ApplicationError) as error:
        services.comment_update(comment=comment, user=UserFactory(), body="hijacked")

    assert error.value.status_code == 403
    comment.refresh_from_db()
    assert comment.body == "original"


def test_non_author_cannot_delete_comment():
    comment = CommentFactory()

    with pytest.raises(ApplicationError):
        services.comment_delete(comment=comment, user=UserFactory())

    assert Comment.objects.filter(pk=comment.pk).exists()


def test_author_can_delete_comment():
    comment = CommentFactory()

    services.comment_delete(comment=comment, user=comment.author)

    assert not Comment.objects.filter(pk=comment.pk).exists()


def test_moderation_hides_and_shows_a_comment():
    comment = CommentFactory()

    services.comment_moderate(comment=comment, state=Comment.State.HIDDEN)
    assert Comment.objects.get(pk=comment.pk).state == Comment.State.HIDDEN

    services.comment_moderate(comment=comment, state=Comment.State.VISIBLE)
    assert Comment.objects.get(pk=comment.pk).state == Comment.State.VISIBLE


def test_deleting_an_account_deletes_its_comments_but_keeps_its_articles():
    user = UserFactory()
    article = ArticleFactory(author=user)
    CommentFactory(author=user, article=article)
    other_comment = CommentFactory(article=article)

    user.delete()

    assert list(Comment.objects.all()) == [other_comment]
    assert Article.objects.get(pk=article.pk).author is None


def test_the_comment_count_follows_creation_moderation_and_deletion():
    article = ArticleFactory()
    reader = UserFactory(is_email_verified=True)

    first = services.comment_create(article=article, author=reader, body="One")
    services.comment_create(article=article, author=reader, body="Two")
    assert _count(article) == 2

    services.comment_moderate(comment=first, state=Comment.State.HIDDEN)
    assert _count(article) == 1
    services.comment_update(comment=first, user=reader, body="One, edited")
    assert _count(article) == 1
    services.comment_moderate(comment=first, state=Comment.State.VISIBLE)
    assert _count(article) == 2

    services.comment_delete(comment=first, user=reader)
    assert _count(article) == 1
    services.comment_remove(comment=CommentFactory(article=article))  # an editor's deletion
    assert _count(article) == 1


def test_deleting_all_comments_of_an_account_recounts_each_of_their_articles():
    reader, other = UserFactory.create_batch(2, is_email_verified=True)
    first, second = ArticleFactory.create_batch(2)
    for article in (first, first, second):
        services.comment_create(article=article, author=reader, body="Mine")
    services.comment_create(article=second, author=other, body="Theirs")

    assert services.comments_delete_by_author(author=reader) == 3

    assert (_count(first), _count(second)) == (0, 1)
    assert list(Comment.objects.values_list("author", flat=True)) == [other.pk]


def test_deleting_an_article_with_comments_works():
    article = ArticleFactory()
    CommentFactory.create_batch(2, article=article)

    article.delete()

    assert not Comment.objects.exists()


def _count(article: Article) -> int:
    """The count readers see, as the list and detail read it."""
    return selectors.article_get_for_reader(slug=article.slug, user=UserFactory.build()).comment_count


@pytest.mark.django_db(transaction=True)
def test_two_comments_committed_at_the_same_time_are_both_counted():
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL (DATABASE_URL, set in CI)")
    article = ArticleFactory()
    first_reader, second_reader = UserFactory.create_batch(2, is_email_verified=True)

    commit_two_at_once(
        lambda: services.comment_create(article=article, author=first_reader, body="Same moment"),
        lambda: services.comment_create(article=article, author=second_reader, body="Same moment"),
    )

    assert _count(article) == 2
