"""Versions of articles, tags and comments: who and when, diffs, reverts, and the edit lock."""

from unittest import mock

import pytest

from apps.accounts.services.profile import user_remove
from apps.accounts.tests.factories import UserFactory
from apps.content import history_selectors, history_services, services
from apps.content.models import Article, Comment, Tag
from apps.content.tests.factories import ArticleFactory, CommentFactory

pytestmark = pytest.mark.django_db


def _saved(article: Article, actor=None, **fields) -> Article:
    for name, value in fields.items():
        setattr(article, name, value)
    return services.article_save(article=article, actor=actor)


def test_each_save_is_a_version_with_who_and_when():
    editor, other = UserFactory(), UserFactory()
    article = _saved(Article(title="One", slug="one", body="Text", author=editor), actor=editor)
    _saved(article, actor=other, title="Two")

    newest, first = article.history.order_by("-history_id")
    assert (first.title, first.history_user, first.history_type, first.version) == ("One", editor, "+", 1)
    assert (newest.title, newest.history_user, newest.history_type, newest.version) == ("Two", other, "~", 2)
    assert newest.history_date >= first.history_date


def test_a_save_from_a_stale_version_is_refused_and_changes_nothing():
    article = ArticleFactory(title="Mine")
    services.article_save(article=Article.objects.get(pk=article.pk), expected_version=1)  # the other editor

    article.title = "Overwrite"
    with pytest.raises(services.ArticleEditConflict) as refused:
        services.article_save(article=article, expected_version=1)

    assert refused.value.status_code == 409
    assert refused.value.current_version == 2
    assert Article.objects.get(pk=article.pk).title == "Mine"


def test_saving_the_current_version_moves_it_on():
    article = ArticleFactory()
    services.article_save(article=article, expected_version=1)
    services.article_publish(article=article)

    assert Article.objects.get(pk=article.pk).version == 3


def test_diff_between_two_versions_shows_the_changed_fields_and_lines():
    article = _saved(Article(title="Old", slug="diff", body="a\nb\nc"))
    _saved(article, title="New", body="a\nB\nc")
    new, old = article.history.order_by("-history_id")

    changes = history_selectors.versions_diff(model=Article, old=old, new=new)

    assert [(change.label, change.old, change.new) for change in changes] == [
        ("Title", "Old", "New"),
        ("Body", "a\nb\nc", "a\nB\nc"),
    ]
    assert [line for line in changes[1].lines if line[0] in "+-"] == [("-", "b"), ("+", "B")]


def test_revert_saves_the_old_text_as_a_new_version_and_invalidates_the_cache():
    editor = UserFactory()
    article = _saved(Article(title="First", slug="first", body="Body one", summary="S"))
    _saved(article, title="Second", body="Body two")
    article.comment_count = 7  # the comment services' figure: a revert never writes it
    Article.objects.filter(pk=article.pk).update(comment_count=7)
    first = article.history.get(version=1)

    with mock.patch("apps.content.services.content_changed") as changed:
        history_services.article_revert(article=article, version=first, actor=editor)

    article.refresh_from_db()
    assert (article.title, article.body, article.version, article.comment_count) == ("First", "Body one", 3, 7)
    newest = article.history.latest("history_id")
    assert (newest.version, newest.history_user, newest.history_change_reason) == (3, editor, "Reverted to version 1")
    assert article.history.count() == 3
    changed.assert_called()


def test_revert_keeps_the_workflow_state():
    article = _saved(Article(title="Draft text", slug="wf", body="x"))
    services.article_publish(article=article)

    history_services.article_revert(article=article, version=article.history.get(version=1), actor=None)

    assert Article.objects.get(pk=article.pk).status == Article.Status.PUBLISHED


def test_tag_revert_restores_the_name():
    tag = services.tag_save(tag=Tag(name="Pyhton", slug="python"))
    tag.name = "Python 3"
    services.tag_save(tag=tag)

    history_services.tag_revert(tag=tag, version=tag.history.earliest("history_id"), actor=None)

    assert Tag.objects.get(pk=tag.pk).name == "Pyhton"
    assert tag.history.count() == 3


def test_comment_versions_name_their_author():
    author = UserFactory(is_email_verified=True)
    comment = services.comment_create(article=ArticleFactory(), author=author, body="First")
    services.comment_update(comment=comment, user=author, body="Edited")

    assert [(v.body, v.history_user) for v in comment.history.order_by("history_id")] == [
        ("First", author),
        ("Edited", author),
    ]


def test_deleting_an_account_deletes_the_versions_of_its_comments():
    author = UserFactory()
    CommentFactory(author=author, body="Personal")
    kept = CommentFactory(body="Someone else's")

    user_remove(user=author)

    assert list(Comment.history.values_list("id", flat=True).distinct()) == [kept.pk]
